// What a difference is about, so that `cmm diff` reports each kind once, shrunk on its own: one
// change between two versions must not hide another (a count that moved, a collection that finds
// more, an identity that changed). The kind is read off the statement that made the observation.
import type { Program } from '../../language/ast.ts';
import { renderProgram } from '../../language/render.ts';
import { observationSites } from '../sites.ts';

const KINDS: readonly (readonly [RegExp, string])[] = [
  [/__dict__/, 'instance __dict__'],
  [/sys\.getrefcount\([^)]*\)\s*-\s*\w/, 'reference count delta'],
  [/sys\.getrefcount\(/, 'reference count'],
  [/gc\.collect\(\d\)/, 'gc.collect(generation) result'],
  [/gc\.collect\(/, 'gc.collect() result'],
  [/gc\.is_tracked\(/, 'gc.is_tracked'],
  [/\bid\(/, 'id() equality (memory reuse)'],
  [/\bis\b/, 'identity (is)'],
  [/\bhash\(/, 'hash'],
  [/^log$/, 'finalizer order'],
  [/\(\)/, 'weak reference or call result'],
];

/** Every kind an observation can be given (KINDS, and those the values decide). */
export const KIND_NAMES: readonly string[] = ['exception', 'immortal reference count', 'unlocated observation', ...KINDS.map(([, kind]) => kind), 'value'];

/** A count no program could reach: an immortal object's (PEP 683). */
const immortalCount = (v: string | null): boolean => v !== null && /^\d{9,}$/.test(v);

/**
 * The kind of an observation made by the statement with this text (null: not known), given the
 * values the two sides observed there.
 */
export function kindOfStatement(statement: string | null, values: readonly (string | null)[] = []): string {
  if (values.some((v) => v?.startsWith('!') === true)) return 'exception';
  if ((statement === null || statement.includes('getrefcount')) && values.some(immortalCount)) return 'immortal reference count';
  if (statement === null) return 'unlocated observation';
  for (const [pattern, kind] of KINDS) if (pattern.test(statement)) return kind;
  return 'value';
}

/** The text of the statement that makes each observation the program is sure to make, by position. */
export function observationStatements(program: Program): string[] {
  return observationSites(program).map((site) => renderProgram({ ...program, body: [site.stmt] }).split('\n')[0]!.trim());
}
