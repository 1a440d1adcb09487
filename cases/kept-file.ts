// The shape every file the model's words are kept in shares (cases/declined.json,
// cases/explained.json, and the two beside the corpus): `{"about": ..., "<field>": {name: value}}`,
// one name per line so that a diff shows which entries changed. What a value is, each caller checks.
import { readFileSync, writeFileSync } from 'node:fs';

/** The object under `field`; `fail` makes the caller's error from a one-line message naming the file. */
export function readKeptEntries(file: string, field: string, fail: (message: string) => Error): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const entries = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[field] : undefined;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) throw fail(`${file}: ${field}: must be an object`);
  return entries as Record<string, unknown>;
}

/** Writes the entries in the order given, each as `"name": <JSON of its value>` on a line. */
export function writeKeptEntries(file: string, about: string, field: string, entries: ReadonlyArray<readonly [string, unknown]>): void {
  const lines = entries.map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`);
  writeFileSync(file, `{\n"about": ${JSON.stringify(about)},\n"${field}": {\n${lines.join(',\n')}\n}\n}\n`);
}
