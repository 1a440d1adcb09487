import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bytesRepr, floatRepr, intRepr, strRepr } from './literals.ts';

// One python3 spawn for the whole file: each value goes over as JSON, its repr comes back.
const PY = String.raw`
import json, struct, sys
data = json.loads(sys.stdin.read())
out = {
  'str': [repr(s) for s in data['str']],
  'bytes': [repr(bytes(b)) for b in data['bytes']],
  'float': [repr(struct.unpack('<d', bytes.fromhex(h))[0]) for h in data['float']],
  'int': [repr(int(s)) for s in data['int']],
}
sys.stdout.write(json.dumps(out))
`;

function floatHex(x: number): string {
  return Buffer.from(new Float64Array([x]).buffer).toString('hex');
}

// A deterministic generator so that a failure replays exactly.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

const next = lcg(12345);
const randomFloats: number[] = [];
for (let i = 0; i < 400; i++) {
  const buf = new Uint32Array([next(), next()]);
  const x = new Float64Array(buf.buffer)[0];
  if (Number.isFinite(x)) randomFloats.push(x);
}
for (let e = -30; e <= 30; e++) {
  randomFloats.push(10 ** e, 1.5 * 10 ** e, (next() / 2 ** 32) * 10 ** e, -(10 ** e));
}

const floats = [
  0, -0, 1, -1, 0.1, 0.2, 0.30000000000000004, 1 / 3, 2 / 3, 123, 123.5, 1e15, 1e16, 1e17, 9999999999999998,
  12345678901234567, 1e-4, 1e-5, 1.5e-5, 0.0001234, 0.00001234, 1e22, 1e21, 1e23, 5e-324, Number.MAX_VALUE,
  Number.MIN_VALUE, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 1e100, 1e-100, Infinity, -Infinity, NaN, 100, 1e3, 4.35,
  ...randomFloats,
];

const strs = [
  '', 'a', "'", '"', `'"`, `a'b`, `a"b`, `it's "q"`, '\\', '\\n', '\t\n\r', '\x00\x01\x1f\x7f', '\x80\x9f\xa0\xad\xff',
  'é', 'ü€', '日本語', '\u2028\u2029', '\ufeff', '\ue000', '\u0378', '\u{10ffff}', '\u{1f600}', '\u{e0001}',
  '\ud800', '\udc00', 'a\ud800b', '\u3000', '\u00a0', ' ', 'x\u0301', '\u200b', '\u{1d400}', '\u{20000}',
  String.fromCharCode(...Array.from({ length: 0x100 }, (_, i) => i)),
  String.fromCharCode(...Array.from({ length: 0x700 }, (_, i) => i + 0x100)),
];
for (let i = 0; i < 50; i++) {
  let s = '';
  for (let j = 0; j < 8; j++) {
    const r = next();
    // Ranges whose assignments are old enough to be the same in every CPython and Node.
    const ranges = [[0, 0x800], [0x4e00, 0x9fa5], [0xe000, 0xe100], [0x2000, 0x2070]];
    const [lo, hi] = ranges[r % ranges.length];
    s += String.fromCodePoint(lo + ((r >>> 8) % (hi - lo)));
  }
  strs.push(s);
}

const bytesValues = [
  '', 'abc', "'", '"', `'"`, '\\', '\t\n\r\x00', String.fromCharCode(...Array.from({ length: 256 }, (_, i) => i)),
];

const ints = [0n, 1n, 255n, 256n, -5n, 10n ** 30n, -(2n ** 100n)];

const expected = JSON.parse(
  execFileSync('python3', ['-c', PY], {
    input: JSON.stringify({
      str: strs,
      bytes: bytesValues.map((b) => Array.from(b, (c) => c.charCodeAt(0))),
      float: floats.map(floatHex),
      int: ints.map(String),
    }),
    encoding: 'utf8',
  }),
) as { str: string[]; bytes: string[]; float: string[]; int: string[] };

describe('literal reprs agree with CPython', () => {
  it('strRepr', () => {
    expect(strs.map(strRepr)).toEqual(expected.str);
  });
  it('bytesRepr', () => {
    expect(bytesValues.map(bytesRepr)).toEqual(expected.bytes);
  });
  it('floatRepr', () => {
    expect(floats.map(floatRepr)).toEqual(expected.float);
  });
  it('intRepr', () => {
    expect(ints.map(intRepr)).toEqual(expected.int);
  });
  it('pins the layouts the brief names', () => {
    expect(['1e+16', '1.5e-05', '1e-05', '0.0001', '1e+22', '123.0', '-0.0', 'inf', '-inf', 'nan']).toEqual(
      [1e16, 1.5e-5, 1e-5, 1e-4, 1e22, 123, -0, Infinity, -Infinity, NaN].map(floatRepr),
    );
    expect(strRepr(`it's`)).toBe(`"it's"`);
    expect(strRepr(`'"`)).toBe(`'\\'"'`);
    expect(bytesRepr('\xff\x00a')).toBe(`b'\\xff\\x00a'`);
  });
});
