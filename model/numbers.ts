// Python's arithmetic on ints (arbitrary precision) and floats (IEEE doubles), exactly as
// Objects/longobject.c and Objects/floatobject.c define it. Shared by constant folding and by
// the interpreter. Errors are thrown as PyException with CPython's exception type.
import type { BinOp } from '../language/ast.ts';
import { giveUp, PyException } from './runtime.ts';

export type Num = { t: 'int'; v: bigint } | { t: 'float'; v: number };

const int = (v: bigint): Num => ({ t: 'int', v });
const float = (v: number): Num => ({ t: 'float', v });

/** int -> float conversion (Objects/longobject.c PyLong_AsDouble: OverflowError past the double range). */
export function toFloat(n: Num): number {
  if (n.t === 'float') return n.v;
  const f = Number(n.v);
  if (!Number.isFinite(f)) throw new PyException('OverflowError', 'int too large to convert to float');
  // Number(bigint) rounds to nearest, ties to even, as CPython's conversion does.
  return f;
}

function floorDivInt(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new PyException('ZeroDivisionError');
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function modInt(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new PyException('ZeroDivisionError');
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

/** Objects/floatobject.c _float_div_mod. */
function floatDivMod(vx: number, wx: number): [number, number] {
  if (wx === 0) throw new PyException('ZeroDivisionError');
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  // C's truth test: NaN is true (JS's is false).
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = Math.sign(vx / wx) < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function powInt(a: bigint, b: bigint): Num {
  if (b >= 0n) {
    if (b > 100000n && a !== 0n && a !== 1n && a !== -1n) giveUp('an int power too large to compute');
    return int(a ** b);
  }
  // Objects/longobject.c long_pow: a negative exponent makes it a float operation.
  if (a === 0n) throw new PyException('ZeroDivisionError');
  return powFloat(toFloat(int(a)), Number(b));
}

const oddInteger = (y: number): boolean => Number.isInteger(y) && Math.abs(y % 2) === 1;

/** Objects/floatobject.c float_pow, its special cases in its order. */
function powFloat(x: number, y: number): Num {
  if (y === 0) return float(1);
  if (Number.isNaN(x) || Number.isNaN(y)) return x === 1 ? float(1) : giveUp('a float power with a NaN');
  if (!Number.isFinite(y)) {
    if (Math.abs(x) === 1) return float(1);
    return float((Math.abs(x) > 1) === (y > 0) ? Infinity : 0);
  }
  if (!Number.isFinite(x)) {
    if (y > 0) return float(oddInteger(y) ? x : Infinity);
    return float(oddInteger(y) ? (x < 0 ? -0 : 0) : 0);
  }
  if (x === 0) {
    if (y < 0) throw new PyException('ZeroDivisionError');
    return float(oddInteger(y) ? x : 0);
  }
  if (x < 0 && !Number.isInteger(y)) giveUp('a negative float to a fractional power is a complex number');
  if (x === 1) return float(1);
  if (y === 1) return float(x);
  // V8's Math.pow and the C library's pow may differ in the last bit: only a result whose every
  // bit is sure is predicted (an exact one, or one out of range).
  const sign = x < 0 && Number.isInteger(y) && y % 2 !== 0 ? -1 : 1;
  const log2 = y * Math.log2(Math.abs(x));
  // Objects/floatobject.c float_pow: a result that overflows to an infinity is an OverflowError
  // (_Py_ADJUST_ERANGE1); one that underflows to zero is zero. The margins leave out results near
  // the edges, where the rounding of the logarithm could matter.
  if (log2 > 1025) throw new PyException('OverflowError', 'Numerical result out of range');
  if (log2 < -1077) return float(sign * 0);
  if (Number.isInteger(y) && Math.abs(y) <= 4096) {
    const exact = exactPower(Math.abs(x), y);
    if (exact !== null) return float(sign * exact);
  }
  giveUp('a float power whose last bit the model cannot vouch for');
}

/** |x| ** y for an integer y when the result is exactly a double (subnormals included), else null. */
function exactPower(x: number, y: number): number | null {
  // x = m * 2**e with m odd.
  let e = 0;
  let m = x;
  while (!Number.isInteger(m)) { m *= 2; e--; }
  let mi = BigInt(m);
  while (mi % 2n === 0n) { mi /= 2n; e++; }
  if (y < 0 && mi !== 1n) return null;
  const mant = mi ** BigInt(Math.abs(y));
  if (mant >= 2n ** 53n) return null;
  const exp = e * y;
  // A result below 2**-1074 (the least subnormal) is not a double; one with more bits than the
  // subnormal range holds is not either.
  const bits = mant.toString(2).length;
  if (exp + bits - 1 > 1023) return null;
  if (exp < -1074) return null;
  return Number(mant) * 2 ** exp;
}

/** `a op b` for two numbers (bools are passed as ints). */
export function numBinOp(op: BinOp, a: Num, b: Num): Num {
  if (a.t === 'int' && b.t === 'int') {
    switch (op) {
      case '+': return int(a.v + b.v);
      case '-': return int(a.v - b.v);
      case '*': return int(a.v * b.v);
      case '//': return int(floorDivInt(a.v, b.v));
      case '%': return int(modInt(a.v, b.v));
      case '**': return powInt(a.v, b.v);
    }
  }
  const x = toFloat(a);
  const y = toFloat(b);
  switch (op) {
    case '+': return float(x + y);
    case '-': return float(x - y);
    case '*': return float(x * y);
    case '//': return float(floatDivMod(x, y)[0]);
    case '%': return float(floatDivMod(x, y)[1]);
    case '**': return powFloat(x, y);
  }
}

export function numNeg(a: Num): Num {
  return a.t === 'int' ? int(-a.v) : float(-a.v);
}

/** Exact comparison of an int and a float, as Objects/floatobject.c float_richcompare does. */
export function numCompare(a: Num, b: Num): number {
  if (a.t === 'int' && b.t === 'int') return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  if (a.t === 'float' && b.t === 'float') return a.v < b.v ? -1 : a.v > b.v ? 1 : a.v === b.v ? 0 : NaN;
  const [i, f, flip] = a.t === 'int' ? [a.v, (b as { v: number }).v, 1] : [(b as { v: bigint }).v, a.v, -1];
  if (Number.isNaN(f)) return NaN;
  if (f === Infinity) return -1 * flip;
  if (f === -Infinity) return 1 * flip;
  const fl = Math.floor(f);
  const bf = BigInt(fl);
  let c: number;
  if (i < bf) c = -1;
  else if (i > bf) c = 1;
  else c = f > fl ? -1 : 0;
  return c * flip;
}

/**
 * Python's hash of a finite float (Python/pyhash.c _Py_HashDouble): the exact rational value
 * reduced modulo the same prime as ints, so that hash(2.0) == hash(2); infinities hash to
 * +-314159; NaN hashes by address (3.10+), which the model does not know (null).
 */
export function hashFloat(x: number, bits: 32 | 64): bigint | null {
  if (Number.isNaN(x)) return null;
  if (!Number.isFinite(x)) return x > 0 ? 314159n : -314159n;
  const pBits = bits === 64 ? 61n : 31n;
  const modulus = (1n << pBits) - 1n;
  let m = Math.abs(x);
  let e = 0n;
  // Scale to an integer mantissa: |x| = mant * 2**e exactly.
  while (m !== Math.floor(m)) {
    m *= 2;
    e -= 1n;
  }
  const mant = BigInt(m);
  // 2**pBits == 1 modulo the prime, so a power of two reduces its exponent modulo pBits.
  const shift = ((e % pBits) + pBits) % pBits;
  let h = (mant % modulus) * ((1n << shift) % modulus) % modulus;
  if (x < 0) h = -h;
  if (h === -1n) h = -2n;
  return h;
}

/** Python's hash of an int (Python/pyhash.c: reduction modulo 2**61 - 1, -1 maps to -2). */
export function hashInt(v: bigint, bits: 32 | 64): bigint {
  const modulus = bits === 64 ? (1n << 61n) - 1n : (1n << 31n) - 1n;
  const mag = (v < 0n ? -v : v) % modulus;
  let h = v < 0n ? -mag : mag;
  if (h === -1n) h = -2n;
  return h;
}
