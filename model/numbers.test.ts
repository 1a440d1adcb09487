// Python's arithmetic and hashing of numbers, checked against the machine's CPython on a spread
// of values (one spawn for the whole table).
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN_OPS } from '../language/ast.ts';
import { floatRepr } from '../language/literals.ts';
import { hashFloat, hashInt, numBinOp, type Num } from './numbers.ts';
import { PyException } from './runtime.ts';

const INTS = [-7n, -5n, -1n, 0n, 1n, 3n, 256n, 257n, 2n ** 61n, -(2n ** 61n) - 3n, 10n ** 20n];
const FLOATS = [-2.5, -0.0, 0.0, 0.1, 1.5, 3.0, 1e16, -1e-5, Infinity, -Infinity, 2 ** 60 + 0.0];

function pyNum(n: Num): string {
  if (n.t === 'int') return n.v.toString();
  if (Number.isNaN(n.v)) return "float('nan')";
  if (!Number.isFinite(n.v)) return n.v > 0 ? "float('inf')" : "-float('inf')";
  return `float.fromhex('${n.v === 0 && Object.is(n.v, -0) ? '-0x0p+0' : hexOf(n.v)}')`;
}

function hexOf(x: number): string {
  // Exact: a float's value as a sum of powers of two, written in Python's hex float syntax.
  const sign = x < 0 ? '-' : '';
  let m = Math.abs(x);
  let e = 0;
  while (m !== Math.floor(m)) { m *= 2; e -= 1; }
  return `${sign}0x${BigInt(m).toString(16)}p${e >= 0 ? '+' : ''}${e}`;
}

function show(r: Num | string): string {
  if (typeof r === 'string') return r;
  return r.t === 'int' ? r.v.toString() : floatRepr(r.v);
}

describe('numbers', () => {
  it('binary operators and hashes agree with CPython', async () => {
    const nums: Num[] = [...INTS.map((v) => ({ t: 'int', v }) as Num), ...FLOATS.map((v) => ({ t: 'float', v }) as Num)];
    const cases: { expr: string; model: string }[] = [];
    for (const a of nums) {
      for (const b of nums) {
        for (const op of BIN_OPS) {
          if (op === '**' && a.t === 'int' && b.t === 'int' && (b.v > 64n || b.v < -64n)) continue;
          let model: string;
          try {
            model = show(numBinOp(op, a, b));
          } catch (e) {
            if (!(e instanceof PyException)) continue;
            model = `!${e.pyType}`;
          }
          cases.push({ expr: `(${pyNum(a)}) ${op} (${pyNum(b)})`, model });
        }
      }
      // Powers whose result is exact, overflows or underflows; the model gives up on the rest.
      for (const y of [-1075, -1074, -1, 2, 33, 34, 1023, 1024, 2000, 2001, 10000]) {
        if (a.t !== 'float') continue;
        for (const x of [a.v, a.v * 2, -a.v / 2]) {
          try {
            cases.push({ expr: `(${pyNum({ t: 'float', v: x })}) ** (${y})`, model: show(numBinOp('**', { t: 'float', v: x }, { t: 'int', v: BigInt(y) })) });
          } catch (e) {
            if (e instanceof PyException) cases.push({ expr: `(${pyNum({ t: 'float', v: x })}) ** (${y})`, model: `!${e.pyType}` });
          }
        }
      }
      const h = a.t === 'int' ? hashInt(a.v, 64) : hashFloat(a.v, 64);
      if (h !== null) cases.push({ expr: `hash(${pyNum(a)})`, model: h.toString() });
    }
    const script = `
import json, sys
out = []
for e in json.load(sys.stdin):
    try:
        out.append(repr(eval(e)))
    except Exception as x:
        out.append('!' + type(x).__name__)
print(json.dumps(out))`;
    const { stdout } = await execa('python3', ['-c', script], { input: JSON.stringify(cases.map((c) => c.expr)) });
    const cpython = JSON.parse(stdout) as string[];
    const wrong = cases.flatMap((c, i) => (c.model === cpython[i] ? [] : [`${c.expr}: model ${c.model}, CPython ${cpython[i]}`]));
    expect(cases.length).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });
});
