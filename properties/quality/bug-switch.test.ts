import { describe, expect, it } from 'vitest';
import { isPlanted, withPlanted } from './bug-switch.ts';

describe('withPlanted', () => {
  it('plants the rule only while its function runs, and returns what it returns', () => {
    expect(isPlanted('dicts-tracked-at-creation')).toBe(false);
    const seen = withPlanted('dicts-tracked-at-creation', () => [isPlanted('dicts-tracked-at-creation'), isPlanted('small-int-cache-to-1024')]);
    expect(seen).toEqual([true, false]);
    expect(isPlanted('dicts-tracked-at-creation')).toBe(false);
  });

  it('restores what was planted before, even when the function throws', () => {
    withPlanted('small-int-cache-to-1024', () => {
      expect(() => withPlanted('collector-skips-finalizers', () => {
        throw new Error('the model threw');
      })).toThrow('the model threw');
      expect(isPlanted('small-int-cache-to-1024')).toBe(true);
      expect(isPlanted('collector-skips-finalizers')).toBe(false);
    });
    expect(isPlanted('small-int-cache-to-1024')).toBe(false);
  });
});
