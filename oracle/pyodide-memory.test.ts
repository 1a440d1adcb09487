// The memory image's stretches: long zero ones are filled, everything else copied, and together
// they cover every byte of the image exactly once, in order; a restore puts every byte back.
import { describe, expect, it } from 'vitest';
import type { EmscriptenModule } from './pyodide-load.ts';
import { MemoryImage, spansOf } from './pyodide-memory.ts';

const KIB = 1024;

function image(zeroFrom: number, zeroTo: number, size = 512 * KIB): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 7) bytes[i] = (i % 251) + 1;
  bytes.fill(0, zeroFrom, zeroTo);
  return bytes;
}

describe('the stretches of a memory image', () => {
  it('fill a long zero stretch and copy the rest, covering every byte once', () => {
    const spans = spansOf(image(128 * KIB, 320 * KIB));
    expect(spans).toEqual([
      { start: 0, end: 128 * KIB, zero: false },
      { start: 128 * KIB, end: 320 * KIB, zero: true },
      { start: 320 * KIB, end: 512 * KIB, zero: false },
    ]);
  });

  it('copy a zero stretch too short to be worth a fill, and one not aligned to pages', () => {
    expect(spansOf(image(128 * KIB, 160 * KIB))).toEqual([{ start: 0, end: 512 * KIB, zero: false }]);
    // The pages the stretch only partly covers hold other bytes: they are copied.
    const spans = spansOf(image(128 * KIB + 100, 320 * KIB - 100));
    expect(spans.find((s) => s.zero)).toEqual({ start: 132 * KIB, end: 316 * KIB, zero: true });
  });

  it('end with a zero stretch, and a memory of a size that is not a multiple of pages', () => {
    const spans = spansOf(image(300 * KIB, 512 * KIB + 10, 512 * KIB + 10));
    expect(spans.at(-1)).toEqual({ start: 300 * KIB, end: 512 * KIB + 10, zero: true });
  });
});

describe('a restore', () => {
  it('puts back every byte, zeros where the memory grew', () => {
    const original = image(64 * KIB, 400 * KIB);
    const module = { HEAPU8: original.slice() } as EmscriptenModule;
    const snapshot = MemoryImage.take(module);
    const grown = new Uint8Array(600 * KIB);
    grown.fill(9);
    module.HEAPU8 = grown;
    snapshot.restore();
    expect(Buffer.compare(Buffer.from(module.HEAPU8.subarray(0, original.length)), Buffer.from(original))).toBe(0);
    expect(module.HEAPU8.subarray(original.length).every((b) => b === 0)).toBe(true);
    expect(snapshot.grownBytes).toBe(600 * KIB - original.length);
  });
});
