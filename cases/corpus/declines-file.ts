// The declines the model is allowed on the corpus: a ratchet. The model may decline what it cannot
// know, but a change that makes it decline what it predicted before is a loss of knowledge that no
// divergence would show (a declined observation never contradicts CPython). So the corpus test
// fails on any declined observation not listed here; `cmm corpus --write-declines` rewrites the
// list from the model as it is, after a change that made the model know more (the list shrinks) or,
// deliberately and said so in the commit, less. Only the model's declines are listed here, never
// an observation: the expectations remain CPython's.
import { readFileSync, writeFileSync } from 'node:fs';
import type { CorpusDecline } from './check-corpus.ts';
import { CorpusFileError } from './corpus-file.ts';

/** Program index -> interpreter name -> declined positions. */
export type AllowedDeclines = Record<string, Record<string, number[]>>;

export function readDeclines(file: string): AllowedDeclines {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CorpusFileError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const declined = typeof data === 'object' && data !== null ? (data as { declined?: unknown }).declined : undefined;
  if (typeof declined !== 'object' || declined === null) throw new CorpusFileError(`${file}: declined: must be an object`);
  for (const [index, byName] of Object.entries(declined)) {
    const ok = typeof byName === 'object' && byName !== null && Object.values(byName).every((ps) => Array.isArray(ps) && ps.every((p) => Number.isInteger(p)));
    if (!ok) throw new CorpusFileError(`${file}: declined["${index}"]: must map interpreter names to lists of positions`);
  }
  return declined as AllowedDeclines;
}

export function writeDeclines(file: string, declines: readonly CorpusDecline[]): void {
  const byProgram = new Map<number, Record<string, number[]>>();
  for (const d of declines) {
    const entry = byProgram.get(d.index) ?? {};
    (entry[d.interpreter] ??= []).push(d.position);
    byProgram.set(d.index, entry);
  }
  const lines = [...byProgram].sort(([a], [b]) => a - b).map(([index, entry]) => `${JSON.stringify(String(index))}: ${JSON.stringify(entry)}`);
  const about = 'What the model may decline on cases/corpus/recorded.json (program index, interpreter, positions): a ratchet, see declines-file.ts.';
  writeFileSync(file, `{\n"about": ${JSON.stringify(about)},\n"declined": {\n${lines.join(',\n')}\n}\n}\n`);
}

/** The declines the list does not allow: what the model no longer predicts. */
export function newDeclines(declines: readonly CorpusDecline[], allowed: AllowedDeclines): CorpusDecline[] {
  return declines.filter((d) => allowed[String(d.index)]?.[d.interpreter]?.includes(d.position) !== true);
}

export function describeDecline(d: CorpusDecline, source: string): string {
  return `programs[${d.index}] on ${d.interpreter}: observation ${d.position + 1} is declined, which the model used to predict\n${source.trimEnd().split('\n').map((l) => `    ${l}`).join('\n')}`;
}
