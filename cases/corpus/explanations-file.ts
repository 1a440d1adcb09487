// The model's explanations of the corpus, kept beside it (explained.json for recorded.json), as
// cases/explained.json keeps them for the cases (../case-explanations.ts): for each program, the
// rules that decided each observation and why the model stopped, on each profile it was recorded
// for. Thousands of programs on 13 interpreters would make megabytes of rule names, so each program
// keeps a digest of its explanations: a change shows which programs it touches, and `cmm explain`
// on one of them shows what the model says now. `cmm corpus --write-declines` rewrites the file.
import { createHash } from 'node:crypto';
import type { DetailedPrediction } from '../../model/predict.ts';
import { readKeptEntries, writeKeptEntries } from '../kept-file.ts';

/** Program index -> digest of its explanations. */
export type KeptExplanations = Record<string, string>;

/** A program's explanation on each profile (by key), as one digest: rules sorted per observation. */
export function explanationDigest(byProfile: ReadonlyMap<string, { prediction: DetailedPrediction; modelError: string | null }>): string {
  const parts = [...byProfile.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { prediction, modelError }]) => ({
      key,
      because: (prediction.because ?? []).map((rules) => [...new Set(rules)].sort()),
      stopped: prediction.stopped?.reason ?? null,
      modelError,
    }));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

export function readExplanations(file: string, fail: (message: string) => Error): KeptExplanations {
  const explained = readKeptEntries(file, 'explained', fail);
  for (const [index, digest] of Object.entries(explained)) {
    if (typeof digest !== 'string' || !/^[0-9a-f]{16}$/.test(digest)) throw fail(`${file}: explained["${index}"]: must be a digest of 16 hex digits`);
  }
  return explained as KeptExplanations;
}

export function writeExplanations(file: string, digests: ReadonlyMap<number, string>): void {
  const about = "Digests of the model's explanations of each program of the corpus (the rules that decided each observation, why it stopped, per profile): see explanations-file.ts. Rewritten by 'cmm corpus --write-declines'.";
  writeKeptEntries(file, about, 'explained', [...digests.entries()].sort(([a], [b]) => a - b).map(([i, d]) => [String(i), d] as const));
}

/** The programs whose explanations differ from the kept ones (or were never kept). */
export function changedExplanations(digests: ReadonlyMap<number, string>, kept: KeptExplanations): number[] {
  return [...digests.entries()].filter(([i, d]) => kept[String(i)] !== d).map(([i]) => i);
}

export function describeChangedExplanation(index: number, source: string): string {
  return `programs[${index}]: the model explains it differently now (the rules it credits for an observation, or why it stops); \`cmm explain\` shows what it says\n${source.trimEnd().split('\n').map((l) => `    ${l}`).join('\n')}`;
}
