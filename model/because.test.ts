// Each observation carries the rules that decided something on the way to it: what a divergence
// report names as the model's reasons.
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../language/parse.ts';
import { predictDetailed } from './predict.ts';
import { profileFor } from './profile.ts';

describe('the rules behind each observation', () => {
  it('are those fired since the observation before', () => {
    const program = parseProgram('import sys\nimport gc\na = [257]\nsys.getrefcount(a)\na.append(a)\ndel a\ngc.collect()\n', { mode: 'module' });
    const p = predictDetailed(program, profileFor('3.12', 64, 'native'));
    expect(p.observations).toEqual(['2', '1']);
    expect(p.because?.[0]).toContain('getrefcount-argument');
    expect(p.because?.[0]).not.toContain('gc-unreachable-count');
    expect(p.because?.[1]).toContain('gc-unreachable-count');
    expect(p.because?.[1]).not.toContain('getrefcount-argument');
  });
});
