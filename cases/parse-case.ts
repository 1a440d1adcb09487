// The text of one case file -> a Case, or one CaseFileError naming file:line:col. Checks run from
// the cheapest to the most demanding: YAML syntax, duplicate keys, the schema (case.schema.json),
// what a schema cannot say (name = file name, version ranges, overlaps), and last the program,
// which must be in the case language before anything may run it.
import { basename, extname } from 'node:path';
import { LineCounter, isScalar, parseDocument, Scalar, type Document, type Node } from 'yaml';
import type { Loc, Mode, Program } from '../language/ast.ts';
import { CaseLanguageError } from '../language/errors.ts';
import { parseProgram } from '../language/parse.ts';
import { CaseFileError, type Case, type Expectation } from './case.ts';
import { describePath, schemaIssues, type PathSegment } from './schema.ts';
import { parseVersionRange, rangesOverlap, VersionRangeError, type VersionRange } from './versions.ts';
import { firstDuplicateKey, keyNodeAt, locAt, nodeAt, offsetOf } from './yaml-nodes.ts';

/** The fields of a case file once its shape is known to match the schema. */
interface RawCase {
  name: string;
  description: string;
  claim: string;
  source_of_claim: string;
  tags: string[];
  mode?: Mode;
  source: string;
  expect: { python: string; bits?: 32 | 64; observations: string[] }[];
}

interface Issue {
  offset: number;
  reason: string;
}

export function parseCaseText(text: string, file: string): Case {
  const lineCounter = new LineCounter();
  function fail(issue: Issue): never {
    const { line, col } = locAt(lineCounter, issue.offset);
    throw new CaseFileError(file, line, col, issue.reason);
  }
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const what = syntax.code === 'MULTIPLE_DOCS' ? 'a case file holds one YAML document' : syntax.message.split('\n')[0];
    fail({ offset: syntax.pos[0], reason: `invalid YAML: ${what}` });
  }
  const duplicate = firstDuplicateKey(doc);
  if (duplicate) {
    const first = locAt(lineCounter, duplicate.firstOffset);
    fail({ offset: duplicate.offset, reason: `duplicate key '${duplicate.key}' (first at line ${first.line})` });
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    fail({ offset: 0, reason: `invalid YAML: ${(e as Error).message.split('\n')[0]}` });
  }
  const shape = schemaIssues(value).map((i) => ({
    offset: offsetOf(i.key !== undefined ? keyNodeAt(doc, i.path, i.key) : nodeAt(doc, i.path)),
    reason: i.reason,
  }));
  const firstShape = earliest(shape);
  if (firstShape) fail(firstShape);

  const raw = value as RawCase;
  const { expect, issues } = checkExpectations(doc, raw, lineCounter);
  const firstIssue = earliest([...checkName(doc, raw, file), ...issues]);
  if (firstIssue) fail(firstIssue);

  const mode: Mode = raw.mode ?? 'module';
  const sourceNode = nodeAt(doc, ['source']);
  if (!isScalar(sourceNode) || sourceNode.type !== Scalar.BLOCK_LITERAL) {
    fail({ offset: offsetOf(sourceNode), reason: "source must be a literal block scalar ('source: |' and the program on the lines below, indented)" });
  }
  const sourceOrigin = blockOrigin(text, lineCounter, sourceNode as Scalar, raw.source);
  let program: Program;
  try {
    program = parseProgram(raw.source, { file, mode, origin: sourceOrigin });
  } catch (e) {
    if (e instanceof CaseLanguageError) throw new CaseFileError(e.file, e.line, e.col, e.reason);
    throw e;
  }
  return {
    file,
    name: raw.name,
    description: raw.description,
    claim: raw.claim,
    sourceOfClaim: raw.source_of_claim,
    tags: raw.tags,
    mode,
    source: raw.source,
    sourceOrigin,
    program,
    expect,
  };
}

function earliest(issues: readonly Issue[]): Issue | undefined {
  return [...issues].sort((a, b) => a.offset - b.offset)[0];
}

function checkName(doc: Document, raw: RawCase, file: string): Issue[] {
  const fileName = basename(file);
  const stem = basename(file, extname(file));
  if (raw.name === stem) return [];
  return [{ offset: offsetOf(nodeAt(doc, ['name'])), reason: `name '${raw.name}' differs from the file name '${fileName}'` }];
}

const EXCEPTION = /^![A-Za-z_][A-Za-z0-9_]*$/;

function checkExpectations(doc: Document, raw: RawCase, lineCounter: LineCounter): { expect: Expectation[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const expect: Expectation[] = [];
  raw.expect.forEach((entry, i) => {
    const path: PathSegment[] = ['expect', i, 'python'];
    const offset = offsetOf(nodeAt(doc, path));
    let range: VersionRange;
    try {
      range = parseVersionRange(entry.python);
    } catch (e) {
      if (!(e instanceof VersionRangeError)) throw e;
      issues.push({ offset, reason: `${describePath(path)} ${e.message}` });
      return;
    }
    entry.observations.forEach((observation, k) => {
      const last = k === entry.observations.length - 1;
      if (!observation.startsWith('!') || (last && EXCEPTION.test(observation))) return;
      const where = describePath(['expect', i, 'observations', k]);
      const reason = last
        ? `${where} '${observation}' is not an exception ('!' and the exception's class name)`
        : `${where} '${observation}' must be the last observation (the program stops at an exception)`;
      issues.push({ offset: offsetOf(nodeAt(doc, ['expect', i, 'observations', k])), reason });
    });
    const loc: Loc = locAt(lineCounter, offset);
    const expectation: Expectation = { range, observations: entry.observations, loc };
    if (entry.bits !== undefined) expectation.bits = entry.bits;
    const clash = expect.findIndex((e) => bitsOverlap(e.bits, entry.bits) && rangesOverlap(e.range, range));
    if (clash >= 0) {
      const other = expect[clash];
      issues.push({
        offset,
        reason: `${describePath(path)} '${range.text}' overlaps '${other.range.text}' at line ${other.loc.line}: a version must match one entry at most`,
      });
    }
    expect.push(expectation);
  });
  return { expect, issues };
}

function bitsOverlap(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/**
 * Where the block scalar's first line starts in the file. Its content begins on the line after
 * the `|` header; every line carries the same indentation, which the first non-empty line shows.
 */
function blockOrigin(text: string, lineCounter: LineCounter, node: Node, value: string): Loc {
  const headerLine = locAt(lineCounter, offsetOf(node)).line;
  const valueLines = value.split('\n');
  const k = valueLines.findIndex((l) => l.length > 0);
  let indent = 0;
  if (k >= 0) {
    const lineNumber = headerLine + 1 + k;
    const start = lineCounter.lineStarts[lineNumber - 1] ?? text.length;
    const end = lineCounter.lineStarts[lineNumber] ?? text.length;
    const rawLine = text.slice(start, end).replace(/\r?\n$/, '');
    indent = rawLine.length - valueLines[k].length;
  }
  return { line: headerLine + 1, col: indent + 1 };
}
