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
import type { EmscriptenModule } from './pyodide-load.ts';

export class MemoryImage {
  private constructor(
    private readonly module: EmscriptenModule,
    private readonly bytes: Uint8Array,
  ) {}

  /** Copies the whole memory as it is now. */
  static take(module: EmscriptenModule): MemoryImage {
    return new MemoryImage(module, module.HEAPU8.slice());
  }

  /** How many bytes the memory has grown past the image (what each restore must zero). */
  get grownBytes(): number {
    return this.module.HEAPU8.length - this.bytes.length;
  }

  /** Puts every byte back as it was when the image was taken. */
  restore(): void {
    const heap = this.module.HEAPU8;
    if (heap.length < this.bytes.length) throw new Error('the memory is smaller than its image: the build was replaced');
    heap.set(this.bytes);
    if (heap.length > this.bytes.length) heap.fill(0, this.bytes.length);
  }
}
