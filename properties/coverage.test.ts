import { describe, expect, it } from 'vitest';
import { profileFor } from '../model/profile.ts';
import { RuleCoverage } from './coverage.ts';

describe('rule coverage', () => {
  it('counts what each prediction fired, through the predictor it wraps', () => {
    const coverage = new RuleCoverage();
    const predict = coverage.counting(() => ({ observations: [], fired: new Map([['small-int-cache', 2], ['singletons', 1]]) }));
    const program = { mode: 'module' as const, body: [] };
    predict(program, profileFor('3.12'));
    predict(program, profileFor('3.12'));
    expect(coverage.programs).toBe(2);
    expect(coverage.counts.get('small-int-cache')).toBe(4);
    expect(coverage.neverFired()).not.toContain('singletons');
    expect(coverage.neverFired()).toContain('gc-incremental');
    expect(coverage.format()).toMatch(/^rule coverage over 2 predictions: 2 of \d+ rules fired\n  small-int-cache +4\n/);
  });
});
