// The declines the model is allowed on the corpus: a ratchet. The model may decline what it cannot
// know, but a change that makes it decline what it predicted before is a loss of knowledge that no
// divergence would show (a declined observation never contradicts CPython). So the corpus test
// fails on any declined observation not listed here; `cmm corpus --write-declines` rewrites the
// list from the model as it is, after a change that made the model know more (the list shrinks) or,
// deliberately and said so in the commit, less. Only the model's declines are listed here, never
// an observation: the expectations remain CPython's.
import { readDeclinesList, writeDeclinesList, type DeclinesList } from '../declines-list.ts';
import type { CorpusDecline } from './check-corpus.ts';
import { CorpusFileError } from './corpus-file.ts';

/** Program index -> interpreter name -> declined positions. */
export type AllowedDeclines = DeclinesList;

export function readDeclines(file: string): AllowedDeclines {
  return readDeclinesList(file, (message) => new CorpusFileError(message));
}

export function writeDeclines(file: string, declines: readonly CorpusDecline[]): void {
  const byProgram: AllowedDeclines = {};
  for (const d of declines) (((byProgram[String(d.index)] ??= {})[d.interpreter]) ??= []).push(d.position);
  const about = 'What the model may decline on cases/corpus/recorded.json (program index, interpreter, positions): a ratchet, see declines-file.ts.';
  writeDeclinesList(file, about, byProgram, Object.keys(byProgram).sort((x, y) => Number(x) - Number(y)));
}

/** The declines the list does not allow: what the model no longer predicts. */
export function newDeclines(declines: readonly CorpusDecline[], allowed: AllowedDeclines): CorpusDecline[] {
  return declines.filter((d) => allowed[String(d.index)]?.[d.interpreter]?.includes(d.position) !== true);
}

export function describeDecline(d: CorpusDecline, source: string): string {
  return `programs[${d.index}] on ${d.interpreter}: observation ${d.position + 1} is declined, which the model used to predict\n${source.trimEnd().split('\n').map((l) => `    ${l}`).join('\n')}`;
}
