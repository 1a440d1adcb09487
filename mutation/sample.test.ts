import { expect, test } from 'vitest';
import { isMutableLine, mutatePatterns, sampleLines } from './sample.ts';

test('only lines that hold code are candidates', () => {
  expect(['  // why', ' * doc', '', "import { a } from './a.ts';", 'export interface X {', "} from './b.ts';"].map(isMutableLine)).toEqual([false, false, false, false, false, false]);
  expect(['  if (x > 3) return y;', "  const a = 'b';", 'export function f(): number {'].map(isMutableLine)).toEqual([true, true, true]);
});

const files = [
  { file: 'model/a.ts', text: Array.from({ length: 400 }, (_, i) => `const a${i} = ${i};`).join('\n') },
  { file: 'model/b.ts', text: '// a comment\nconst b = 1;\n' },
];

test('the same seed samples the same lines; another seed others; the rate is about kept', () => {
  const one = sampleLines(files, 0.1, 7);
  expect(sampleLines(files, 0.1, 7)).toEqual(one);
  expect(sampleLines(files, 0.1, 8)).not.toEqual(one);
  expect(one.length).toBeGreaterThan(20);
  expect(one.length).toBeLessThan(65);
  expect(sampleLines(files, 1, 7)).toHaveLength(401);
  expect(sampleLines(files, 1, 7).find((r) => r.file === 'model/b.ts')).toEqual({ file: 'model/b.ts', line: 2 });
});

test('a rate outside (0, 1] is refused', () => {
  expect(() => sampleLines(files, 0, 1)).toThrow(RangeError);
  expect(() => sampleLines(files, 1.5, 1)).toThrow(RangeError);
});

test('each sampled line is a StrykerJS mutation range of that one line', () => {
  expect(mutatePatterns([{ file: 'model/a.ts', line: 12 }])).toEqual(['model/a.ts:12-12']);
});
