import { describe, expect, it } from 'vitest';
import { ANY_KIND, declines, formatKey, groupKey, keeps, KeyError, MODEL_ERROR, parseKey, UNLOCATED } from './key.ts';

describe('a group key', () => {
  const delta = groupKey('reference count delta', ['small-int-cache', 'shared-count-delta', 'small-int-cache']);

  it('is a kind and its rules, sorted, each once', () => {
    expect(delta).toEqual({ kind: 'reference count delta', rules: ['shared-count-delta', 'small-int-cache'] });
    expect(formatKey(delta)).toBe('reference count delta: shared-count-delta,small-int-cache');
    expect(formatKey({ kind: 'hash' })).toBe('hash');
  });

  it('declines, as a group found, an observation of its kind with all its rules and maybe more', () => {
    expect(declines(delta, groupKey('reference count delta', ['shared-count-delta', 'small-int-cache', 'singletons']))).toBe(true);
    expect(declines(delta, groupKey('reference count delta', ['shared-count-delta']))).toBe(false);
    expect(declines(delta, groupKey('reference count', ['shared-count-delta', 'small-int-cache']))).toBe(false);
  });

  it('declines an unlocated observation with all the rules of a group found, whatever its kind', () => {
    expect(declines(delta, groupKey(UNLOCATED, ['shared-count-delta', 'small-int-cache', 'free-at-zero']))).toBe(true);
    expect(declines(delta, groupKey(UNLOCATED, ['small-int-cache']))).toBe(false);
    // A model error or a group without rules says nothing of what an unlocated observation is.
    expect(declines({ kind: MODEL_ERROR }, groupKey(UNLOCATED, ['small-int-cache']))).toBe(false);
    expect(declines({ kind: 'hash' }, groupKey(UNLOCATED, ['hash-tuple']))).toBe(false);
  });

  it('keeps, as a focus, an observation of its kind with no rule outside its own', () => {
    expect(keeps(delta, groupKey('reference count delta', ['small-int-cache']))).toBe(true);
    expect(keeps(delta, groupKey('reference count delta', ['small-int-cache', 'singletons']))).toBe(false);
    expect(keeps({ kind: 'hash' }, groupKey('hash', ['hash-tuple']))).toBe(true);
    // Any kind but a model error, for an unlocated observation's shrink.
    expect(keeps(groupKey(ANY_KIND, ['small-int-cache']), groupKey('identity (is)', ['small-int-cache']))).toBe(true);
    expect(keeps(groupKey(ANY_KIND, []), groupKey(MODEL_ERROR))).toBe(false);
  });

  it('reads back what it prints, and refuses unknown kinds and rules in one line', () => {
    expect(parseKey(formatKey(delta))).toEqual(delta);
    expect(parseKey(' hash ')).toEqual({ kind: 'hash' });
    expect(parseKey('*: small-int-cache')).toEqual(groupKey(ANY_KIND, ['small-int-cache']));
    expect(parseKey('model error')).toEqual({ kind: MODEL_ERROR });
    expect(() => parseKey('refcount')).toThrow(KeyError);
    expect(() => parseKey('refcount')).toThrow(/^'refcount' is not a kind of observation \(kinds: exception, /);
    expect(() => parseKey('hash: no-such-rule')).toThrow(/'no-such-rule' is not a rule of the model/);
  });
});
