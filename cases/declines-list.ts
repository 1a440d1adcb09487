// The file format both declines ratchets keep (cases/declined.json, cases/corpus/declined.json):
// `{"about": ..., "declined": {name: {key: [positions]}}}`, one name per line so that a diff shows
// what was allowed. What a name and a key are is the caller's: a case file and a profile, or a
// program index and an interpreter.
import { readFileSync, writeFileSync } from 'node:fs';

/** Name -> key -> declined positions (0-based). */
export type DeclinesList = Record<string, Record<string, number[]>>;

/** Reads a list; `fail` makes the caller's error from a one-line message naming the file. */
export function readDeclinesList(file: string, fail: (message: string) => Error): DeclinesList {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const declined = typeof data === 'object' && data !== null ? (data as { declined?: unknown }).declined : undefined;
  if (typeof declined !== 'object' || declined === null) throw fail(`${file}: declined: must be an object`);
  for (const [name, byKey] of Object.entries(declined)) {
    const ok = typeof byKey === 'object' && byKey !== null && Object.values(byKey).every((ps) => Array.isArray(ps) && ps.every((p) => Number.isInteger(p)));
    if (!ok) throw fail(`${file}: declined["${name}"]: must map each key to a list of positions`);
  }
  return declined as DeclinesList;
}

/** Writes a list, its names in the order given. */
export function writeDeclinesList(file: string, about: string, declined: DeclinesList, names: readonly string[]): void {
  const lines = names.map((name) => `${JSON.stringify(name)}: ${JSON.stringify(declined[name])}`);
  writeFileSync(file, `{\n"about": ${JSON.stringify(about)},\n"declined": {\n${lines.join(',\n')}\n}\n}\n`);
}
