import { describe, expect, it } from 'vitest';
import { applySpec, specKeepsStr } from './format-spec.ts';
import { ModelGaveUp, PyException } from './runtime.ts';

describe('specKeepsStr (format_string_internal fast path)', () => {
  it('keeps a str that the spec neither pads nor cuts', () => {
    expect(specKeepsStr('hello', '')).toBe(true);
    expect(specKeepsStr('hello', '>5')).toBe(true);
    expect(specKeepsStr('hello', 'x^3')).toBe(true);
    expect(specKeepsStr('hello', '<')).toBe(true);
    expect(specKeepsStr('hello', '.5')).toBe(true);
    expect(specKeepsStr('hello', '2.9s')).toBe(true);
  });
  it('copies a str that the spec pads or cuts', () => {
    expect(specKeepsStr('hello', '>6')).toBe(false);
    expect(specKeepsStr('hello', '.4')).toBe(false);
    expect(specKeepsStr('héllo', '6')).toBe(false);
  });
});

describe('applySpec', () => {
  it('cuts a str to its precision, then pads it', () => {
    expect(applySpec('héllo', '*^9.3')).toBe('***hél***');
    expect(applySpec('héllo', '.0')).toBe('');
    expect(applySpec('ab', '>4s')).toBe('  ab');
  });
  it("raises for '=' on a str, takes '0' as a fill, and declines the zero-padding flag", () => {
    expect(() => applySpec('x', '=3')).toThrow(PyException);
    expect(() => applySpec('x', '0>3')).not.toThrow();
    expect(() => applySpec('x', '05')).toThrow(ModelGaveUp);
  });
});
