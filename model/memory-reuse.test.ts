// Which freed block the next object of its kind gets (model/memory-reuse.ts), where no case can
// pin the answer. On the WebAssembly builds (dlmalloc, no pymalloc) a chunk of 256 bytes or more
// lives in size-sorted trees, and whether a freed bytes(240) goes to the next bytes(241) (both
// 264-byte chunks) depends on the whole heap: wasm-3.10 and 3.12 to 3.15 each said True under
// some program names and False under others (cases/layout-probes.ts). The model must decline
// it there, while still predicting the small bins below 256 bytes, which no layout moved
// (cases/identity/freed-bytes-block-goes-to-the-next-bytes-of-its-size.yaml).
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../language/parse.ts';
import { predict } from './predict.ts';
import { profileFor } from './profile.ts';

const reuse = (first: number, second: number): string => `a = bytes(${first})\ni = id(a)\ndel a\nid(bytes(${second})) == i\n`;
const predictOn = (source: string, profile: ReturnType<typeof profileFor>): Array<string | null> =>
  predict(parseProgram(source, { mode: 'module' }), profile);

describe('a freed bytes block on the WebAssembly builds', () => {
  const EMBEDDED = ['3.10', '3.12', '3.15'].map((v) => [v, profileFor(v, 32, 'embedded')] as const);

  it.each(EMBEDDED)('declines past the small bins of dlmalloc (%s)', (_version, profile) => {
    expect(predictOn(reuse(240, 241), profile)).toEqual([null]);
  });

  it.each(EMBEDDED)('predicts within one small bin (%s)', (_version, profile) => {
    expect(predictOn(reuse(100, 101), profile)).toEqual(['True']);
  });
});
