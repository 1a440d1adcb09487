// A random sample of the model's lines for mutation testing. The whole model is thousands of
// mutants, and on two cores each takes seconds against the recorded corpus: hours. Every mutant on
// a sampled line is tested, so the score of the sample estimates the model's score, and a survivor
// found in it is as real as one a full run would find. The same seed picks the same lines.
import fc from 'fast-check';

export interface SampledRange {
  file: string;
  line: number;
}

/**
 * Lines that hold code a mutant can change: not blank, not a comment, not an import or export of
 * names, not a bare type declaration line (StrykerJS does not mutate types).
 */
export function isMutableLine(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.startsWith('//') || t.startsWith('*') || t.startsWith('/*')) return false;
  if (/^(import|export \{|export type|export \*)\b/.test(t) || /^} from /.test(t)) return false;
  if (/^(export )?(interface|type) \w/.test(t)) return false;
  return /[A-Za-z0-9'"`]/.test(t);
}

const SCALE = 1_000_000;

/**
 * Each mutable line of each file with probability `rate`, decided by a generator seeded with
 * `seed` (fast-check's, so that the sample does not depend on the platform's Math.random).
 */
export function sampleLines(files: readonly { file: string; text: string }[], rate: number, seed: number): SampledRange[] {
  if (!(rate > 0 && rate <= 1)) throw new RangeError(`the sampling rate must be in (0, 1], got ${rate}`);
  const candidates = files.flatMap(({ file, text }) =>
    text
      .split('\n')
      .map((line, i) => ({ file, line: i + 1, mutable: isMutableLine(line) }))
      .filter((l) => l.mutable),
  );
  // Unbiased integers: fast-check otherwise favours the ends of a range, which would skew the rate.
  const draw = fc.noBias(fc.integer({ min: 0, max: SCALE - 1 }));
  const [draws] = fc.sample(fc.array(draw, { minLength: candidates.length, maxLength: candidates.length }), { seed, numRuns: 1 });
  return candidates.filter((_, i) => draws![i]! < rate * SCALE).map(({ file, line }) => ({ file, line }));
}

/** StrykerJS's `mutate` patterns for the sampled lines: `file:line-line`. */
export function mutatePatterns(ranges: readonly SampledRange[]): string[] {
  return ranges.map((r) => `${r.file}:${r.line}-${r.line}`);
}
