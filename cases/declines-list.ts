// The file format both declines ratchets keep (cases/declined.json, cases/corpus/declined.json):
// `{"about": ..., "declined": {name: {key: [positions]}}}`, one name per line so that a diff shows
// what was allowed. What a name and a key are is the caller's: a case file and a profile, or a
// program index and an interpreter.
import { readKeptEntries, writeKeptEntries } from './kept-file.ts';

/** Name -> key -> declined positions (0-based). */
export type DeclinesList = Record<string, Record<string, number[]>>;

/** Reads a list; `fail` makes the caller's error from a one-line message naming the file. */
export function readDeclinesList(file: string, fail: (message: string) => Error): DeclinesList {
  const declined = readKeptEntries(file, 'declined', fail);
  for (const [name, byKey] of Object.entries(declined)) {
    const ok = typeof byKey === 'object' && byKey !== null && Object.values(byKey).every((ps) => Array.isArray(ps) && ps.every((p) => Number.isInteger(p)));
    if (!ok) throw fail(`${file}: declined["${name}"]: must map each key to a list of positions`);
  }
  return declined as DeclinesList;
}

/** Writes a list, its names in the order given. */
export function writeDeclinesList(file: string, about: string, declined: DeclinesList, names: readonly string[]): void {
  writeKeptEntries(file, about, 'declined', names.map((name) => [name, declined[name]] as const));
}
