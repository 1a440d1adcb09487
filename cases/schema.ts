// The shape of a case file, checked with the very JSON Schema that editors read
// (case.schema.json), so that the editor and the loader never disagree. Ajv's findings are turned
// into one-line reasons and a path to the YAML node they are about.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';

export const CASE_SCHEMA_PATH = new URL('./case.schema.json', import.meta.url);

export const caseSchema: Record<string, unknown> = JSON.parse(readFileSync(CASE_SCHEMA_PATH, 'utf8'));

/** The keys of a case file, in the order the schema lists them. */
export const CASE_KEYS: readonly string[] = Object.keys(caseSchema.properties as Record<string, unknown>);

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
// An annotation for editors (VS Code and yaml-language-server show it); the loader uses it too.
ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
const validate = ajv.compile(caseSchema);

export type PathSegment = string | number;

export interface SchemaIssue {
  /** The path to the node the issue is about (the object, for a missing or unknown key). */
  path: PathSegment[];
  /** For an unknown key: the key, so that the error points at it rather than at its object. */
  key?: string;
  reason: string;
}

/**
 * Every problem with the shape of a case, in no particular order; empty when it conforms. A
 * mapping with an unknown key is not also said to miss a key: `sourc:` is a misspelt `source:`,
 * and one message about it is enough.
 */
export function schemaIssues(value: unknown): SchemaIssue[] {
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const withUnknownKeys = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  return errors.filter((e) => !(e.keyword === 'required' && withUnknownKeys.has(e.instancePath))).map(toIssue);
}

function toIssue(error: ErrorObject): SchemaIssue {
  const path = parsePointer(error.instancePath);
  const where = describePath(path);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const expected = Object.keys((parent.properties ?? {}) as Record<string, unknown>).join(', ');
      return { path, key, reason: `unknown key '${key}'${inObject(path)} (expected one of: ${expected})` };
    }
    case 'required':
      return { path, reason: `missing required key '${String(error.params.missingProperty)}'${inObject(path)}` };
    case 'type':
      return { path, reason: `${where} must be ${typeName(String(error.params.type))}${quoteHint(error)}` };
    case 'enum':
      return { path, reason: `${where} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}` };
    case 'pattern': {
      const message = typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : `does not match ${String(error.params.pattern)}`;
      return { path, reason: `${where} '${String(error.data)}' ${message}` };
    }
    case 'minLength':
      return { path, reason: `${where} must not be empty` };
    case 'uniqueItems': {
      // Ajv scans from the end: j is the later of the two equal items.
      const later = Number(error.params.j);
      const first = Number(error.params.i);
      const value = Array.isArray(error.data) ? ` ('${String(error.data[later])}')` : '';
      return { path: [...path, later], reason: `${describePath([...path, later])} repeats ${describePath([...path, first])}${value}` };
    }
    default:
      return { path, reason: `${where} ${error.message ?? 'is invalid'}` };
  }
}

function quoteHint(error: ErrorObject): string {
  if (error.params.type !== 'string') return '';
  const data = error.data;
  if (typeof data === 'number' || typeof data === 'boolean' || data === null) return ' (put the value in quotes)';
  return '';
}

function typeName(type: string): string {
  switch (type) {
    case 'object': return 'a mapping';
    case 'array': return 'a list';
    case 'string': return 'a string';
    default: return `of type ${type}`;
  }
}

function inObject(path: PathSegment[]): string {
  return path.length === 0 ? '' : ` in ${describePath(path)}`;
}

/** `expect[0].python`, or `the case` for the whole file. */
export function describePath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the case';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function parsePointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
