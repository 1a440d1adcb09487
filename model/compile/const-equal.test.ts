import { describe, expect, it } from 'vitest';
import { constEquals, distinctConsts } from './const-equal.ts';
import type { ConstVal } from './fold.ts';

const int = (v: number): ConstVal => ({ t: 'int', v: BigInt(v) });
const flt = (v: number): ConstVal => ({ t: 'float', v });
const str = (v: string): ConstVal => ({ t: 'str', v });

describe('constEquals', () => {
  it('treats 1, 1.0 and True as equal, as Python does', () => {
    expect(constEquals(int(1), flt(1))).toBe(true);
    expect(constEquals({ t: 'bool', v: true }, int(1))).toBe(true);
    expect(constEquals(int(1), flt(1.5))).toBe(false);
  });
  it('tells types apart that never compare equal', () => {
    expect(constEquals(str('1'), int(1))).toBe(false);
    expect(constEquals({ t: 'bytes', v: 'a' }, str('a'))).toBe(false);
    expect(constEquals({ t: 'none' }, { t: 'ellipsis' })).toBe(false);
  });
  it('compares tuples item by item and frozensets as sets', () => {
    expect(constEquals({ t: 'tuple', items: [int(1), str('a')] }, { t: 'tuple', items: [flt(1), str('a')] })).toBe(true);
    expect(constEquals({ t: 'tuple', items: [int(1)] }, { t: 'tuple', items: [int(1), int(2)] })).toBe(false);
    expect(constEquals({ t: 'frozenset', items: [int(1), int(2), flt(2)] }, { t: 'frozenset', items: [int(2), int(1)] })).toBe(true);
  });
  it('does not know about NaN', () => {
    expect(constEquals(flt(NaN), flt(NaN))).toBeNull();
    expect(distinctConsts([int(1), flt(NaN)])).toBeNull();
  });
});

describe('distinctConsts', () => {
  it('keeps the first of each group of equal items, in order', () => {
    expect(distinctConsts([int(1), flt(1), int(2), { t: 'bool', v: true }, str('a')])).toEqual([int(1), int(2), str('a')]);
  });
});
