// A clean interpreter for every program without a fork (WebAssembly has none): CPython lives
// entirely in the build's linear memory, so a copy of that memory taken while no Python code runs
// is the whole interpreter state, and writing it back returns to exactly that state, addresses
// included. Measured against the alternatives (a fresh loadPyodide per program: 0.8 to 1.9 s;
// Pyodide's own memory snapshot, loadPyodide({ _loadSnapshot }), 0.27 and later only: 0.1 to
// 0.2 s), a copy back costs 1.5 to 3 ms.
//
// It is sound only under conditions the embedded oracle keeps: the image is taken and restored
// between calls into Python (the wasm stack is empty, and the wasm globals outside the memory,
// such as the stack pointer, hold their resting values), and no JavaScript object made while a
// program runs keeps a pointer into the memory (no PyProxy outlives a call, Python never touches
// a JavaScript object). Memory cannot shrink: bytes past the image, from a program that grew it,
// are zeroed, as freshly grown memory is.
//
// Every byte is written back, but the long stretches that are zero in the image (the unused part
// of the stack, the memory above the heap: a third to a half of it) are written by filling them
// with zeros rather than by copying, which costs about half as much: a restore takes a fifth to a
// quarter less time.
import type { EmscriptenModule } from './pyodide-load.ts';

/** Zero stretches shorter than this are copied with the bytes around them. */
const MIN_ZERO_SPAN = 64 << 10;
const PAGE = 4096;

/** A stretch of the image: written back by copying it, or by filling it with zeros. */
export interface Span {
  start: number;
  end: number;
  zero: boolean;
}

/** The image cut into stretches: zero ones of at least MIN_ZERO_SPAN bytes, and the rest. */
export function spansOf(bytes: Uint8Array): Span[] {
  const zeroPage = Buffer.alloc(PAGE);
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const spans: Span[] = [];
  const push = (start: number, end: number, zero: boolean): void => {
    const last = spans.at(-1);
    if (last !== undefined && last.zero === zero && last.end === start) last.end = end;
    else spans.push({ start, end, zero });
  };
  let zeroStart = -1;
  const endZeros = (at: number): void => {
    if (zeroStart < 0) return;
    push(zeroStart, at, at - zeroStart >= MIN_ZERO_SPAN);
    zeroStart = -1;
  };
  for (let off = 0; off < bytes.length; off += PAGE) {
    const end = Math.min(off + PAGE, bytes.length);
    if (view.compare(zeroPage, 0, end - off, off, end) === 0) {
      if (zeroStart < 0) zeroStart = off;
    } else {
      endZeros(off);
      push(off, end, false);
    }
  }
  endZeros(bytes.length);
  return spans;
}

export class MemoryImage {
  private constructor(
    private readonly module: EmscriptenModule,
    private readonly bytes: Uint8Array,
    private readonly spans: readonly Span[],
  ) {}

  /** Copies the whole memory as it is now. */
  static take(module: EmscriptenModule): MemoryImage {
    const bytes = module.HEAPU8.slice();
    return new MemoryImage(module, bytes, spansOf(bytes));
  }

  /** How many bytes the memory has grown past the image (what each restore must zero). */
  get grownBytes(): number {
    return this.module.HEAPU8.length - this.bytes.length;
  }

  /** Puts every byte back as it was when the image was taken. */
  restore(): void {
    const heap = this.module.HEAPU8;
    if (heap.length < this.bytes.length) throw new Error('the memory is smaller than its image: the build was replaced');
    for (const { start, end, zero } of this.spans) {
      if (zero) heap.fill(0, start, end);
      else heap.set(this.bytes.subarray(start, end), start);
    }
    if (heap.length > this.bytes.length) heap.fill(0, this.bytes.length);
  }
}
