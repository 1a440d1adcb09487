// hash() of the objects whose hash does not depend on an address (Python/pyhash.c,
// Objects/tupleobject.c tuplehash):
// - ints and floats reduce their exact value modulo 2**61 - 1 (2**31 - 1 on 32-bit builds);
// - str and bytes hash their bytes (one, two or four per character, as the str stores them) with
//   SipHash keyed by the hash secret, which PYTHONHASHSEED=0 sets to zero: SipHash-2-4 up to
//   3.10, SipHash-1-3 from 3.11 (PEP 456, bpo-29410) on the native builds; FNV on the
//   WebAssembly builds (the profile's strHash);
// - tuples combine their items' hashes with the xxHash-like mix of 3.8+.
// Everything else (None before its hash became a constant, functions, instances) hashes by
// address: unknown to the model.
import { hashFloat, hashInt } from './numbers.ts';
import type { PyObj } from './objects.ts';
import { atLeast, type Profile } from './profile.ts';

const M64 = (1n << 64n) - 1n;

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & M64;
}

/** SipHash-c-d with a zero key over `data`, as a signed 64-bit value. */
function siphash(data: Uint8Array, cRounds: number, dRounds: number): bigint {
  const k0 = 0n;
  const k1 = 0n;
  let v0 = 0x736f6d6570736575n ^ k0;
  let v1 = 0x646f72616e646f6dn ^ k1;
  let v2 = 0x6c7967656e657261n ^ k0;
  let v3 = 0x7465646279746573n ^ k1;
  const round = (): void => {
    v0 = (v0 + v1) & M64; v1 = rotl(v1, 13n); v1 ^= v0; v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M64; v3 = rotl(v3, 16n); v3 ^= v2;
    v0 = (v0 + v3) & M64; v3 = rotl(v3, 21n); v3 ^= v0;
    v2 = (v2 + v1) & M64; v1 = rotl(v1, 17n); v1 ^= v2; v2 = rotl(v2, 32n);
  };
  const len = data.length;
  const whole = len - (len % 8);
  for (let i = 0; i < whole; i += 8) {
    let m = 0n;
    for (let j = 7; j >= 0; j--) m = (m << 8n) | BigInt(data[i + j]);
    v3 ^= m;
    for (let r = 0; r < cRounds; r++) round();
    v0 ^= m;
  }
  let t = BigInt(len & 0xff) << 56n;
  for (let j = len % 8 - 1; j >= 0; j--) t |= BigInt(data[whole + j]) << BigInt(8 * j);
  v3 ^= t;
  for (let r = 0; r < cRounds; r++) round();
  v0 ^= t;
  v2 ^= 0xffn;
  for (let r = 0; r < dRounds; r++) round();
  return BigInt.asIntN(64, v0 ^ v1 ^ v2 ^ v3);
}

/**
 * Python/pyhash.c fnv with the zero prefix and suffix PYTHONHASHSEED=0 gives: the first byte
 * shifted in, whole words (little-endian) then the remaining bytes multiplied in by 1000003, the
 * length mixed in last.
 */
function fnv(data: Uint8Array, bits: 32 | 64): bigint {
  const size = bits / 8;
  const mask = (1n << BigInt(bits)) - 1n;
  const remainder = data.length % size || size;
  const blocks = (data.length - remainder) / size;
  let x = BigInt(data[0]) << 7n;
  let p = 0;
  for (let b = 0; b < blocks; b++) {
    let word = 0n;
    for (let j = size - 1; j >= 0; j--) word = (word << 8n) | BigInt(data[p + j]);
    x = ((1000003n * x) & mask) ^ word;
    p += size;
  }
  for (let r = 0; r < remainder; r++) x = ((1000003n * x) & mask) ^ BigInt(data[p++]);
  x ^= BigInt(data.length);
  if (x === mask) x = mask - 1n;
  return BigInt.asIntN(bits, x);
}

/** The bytes CPython hashes for a str: its code points at 1, 2 or 4 bytes each (PEP 393). */
function strBytes(s: string): Uint8Array {
  const cps = [...s].map((c) => c.codePointAt(0) ?? 0);
  const max = Math.max(0, ...cps);
  const width = max < 256 ? 1 : max < 65536 ? 2 : 4;
  const out = new Uint8Array(cps.length * width);
  cps.forEach((cp, i) => {
    for (let b = 0; b < width; b++) out[i * width + b] = (cp >> (8 * b)) & 0xff;
  });
  return out;
}

function hashBytes(data: Uint8Array, profile: Profile): bigint | null {
  // Python/pyhash.c _Py_HashBytes: the empty string hashes to 0.
  if (data.length === 0) return 0n;
  // The algorithm is a build choice (Include/pyhash.h: FNV where aligned access is required, as
  // on the WebAssembly builds).
  if (profile.strHash === 'unknown') return null;
  if (profile.strHash === 'fnv') return fnv(data, profile.bits);
  const h = atLeast(profile, 3, 11) ? siphash(data, 1, 3) : siphash(data, 2, 4);
  const x = profile.bits === 64 ? h : BigInt.asIntN(32, h);
  return x === -1n ? -2n : x;
}

const XX64 = { p1: 11400714785074694791n, p2: 14029467366897019727n, p5: 2870177450012600261n, rot: 31n, bits: 64n };
const XX32 = { p1: 2654435761n, p2: 2246822519n, p5: 374761393n, rot: 13n, bits: 32n };

function tupleHash(lanes: bigint[], bits: 32 | 64): bigint {
  const k = bits === 64 ? XX64 : XX32;
  const mask = (1n << k.bits) - 1n;
  let acc = k.p5;
  for (const h of lanes) {
    const lane = BigInt.asUintN(bits, h);
    acc = (acc + lane * k.p2) & mask;
    acc = ((acc << k.rot) | (acc >> (k.bits - k.rot))) & mask;
    acc = (acc * k.p1) & mask;
  }
  acc = (acc + (BigInt(lanes.length) ^ (k.p5 ^ 3527539n))) & mask;
  if (acc === mask) return 1546275796n;
  return BigInt.asIntN(bits, acc);
}

/** hash(o), or null when it depends on something the model does not know. */
export function hashOf(o: PyObj, profile: Profile): bigint | null {
  const p = o.payload;
  switch (p.kind) {
    case 'int': return p.unknown ? null : hashInt(p.value, profile.bits);
    case 'bool': return p.unknown ? null : p.value ? 1n : 0n;
    case 'float': return hashFloat(p.value, profile.bits);
    case 'str': return hashBytes(strBytes(p.value), profile);
    case 'bytes': return hashBytes(Uint8Array.from([...p.value].map((c) => c.charCodeAt(0))), profile);
    case 'tuple': {
      const lanes: bigint[] = [];
      for (const i of p.items) {
        const h = hashOf(i, profile);
        if (h === null) return null;
        lanes.push(h);
      }
      return tupleHash(lanes, profile.bits);
    }
    default:
      return null;
  }
}
