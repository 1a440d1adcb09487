import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../language/parse.ts';
import type { DetailedPrediction } from '../../model/predict.ts';
import { profileFor } from '../../model/profile.ts';
import type { RuleId } from '../../model/rules.ts';
import type { Checked } from '../checkProgram.ts';
import { compare } from '../compare.ts';
import { filterPrediction, found, keyAt } from './filter.ts';
import { ANY_KIND, groupKey, UNLOCATED } from './key.ts';
import { observationRules } from './observation-rules.ts';

const statements = ['sys.getrefcount(a)', 'a is b', 'gc.collect()'];
const rules: RuleId[][] = [['getrefcount-argument'], ['small-int-cache'], ['gc-unreachable-count']];
const prediction: DetailedPrediction = { observations: ['2', 'True', '0'], because: rules };

describe('a filtered prediction', () => {
  it('declines the observations of the groups found, and only those', () => {
    const f = filterPrediction(prediction, ['3', 'True', '1'], statements, rules, { declined: [groupKey('reference count', ['getrefcount-argument'])] });
    expect(f.observations).toEqual([null, 'True', '0']);
  });

  it('keeps only the focus, when it has one', () => {
    const f = filterPrediction(prediction, ['3', 'True', '1'], statements, rules, { declined: [], focus: groupKey('gc.collect() result', ['gc-unreachable-count', 'small-int-cache']) });
    expect(f.observations).toEqual([null, null, '0']);
  });

  it('compares nothing after an exception it declines (the rest would each look like another kind)', () => {
    const f = filterPrediction(prediction, ['2', '!TypeError'], statements, rules, { declined: [groupKey('exception')] });
    expect(f.observations).toEqual(['2', null]);
    expect(f.stopped?.reason).toMatch(/exception/);
    expect(compare(f, { status: 'ok', observations: ['2', '!TypeError'] }).divergent).toBe(0);
  });

  it('declines what CPython observed past the model’s end only if it is not kept', () => {
    const short: DetailedPrediction = { observations: ['2'], because: [['getrefcount-argument']] };
    const kept = filterPrediction(short, ['2', 'False'], statements, rules, { declined: [groupKey('hash')] });
    expect(compare(kept, { status: 'ok', observations: ['2', 'False'] }).divergent).toBe(1);
    const declined = filterPrediction(short, ['2', 'False'], statements, rules, { declined: [groupKey('identity (is)')] });
    expect(declined.observations).toEqual(['2', null]);
  });

  it('hears the first divergent observation it keeps', () => {
    const heard: string[] = [];
    filterPrediction(prediction, ['3', 'False', '1'], statements, rules, { declined: [groupKey('identity (is)')] }, (key) => heard.push(key.kind));
    expect(heard).toEqual(['reference count']);
  });
});

describe('the rules behind an observation', () => {
  it('leave out, at a module’s first observation, what the compiler decided before it ran', () => {
    const program = parseProgram('import sys\na = 257\nsys.getrefcount(a)\n', { mode: 'module' });
    const profile = profileFor('3.11.7', 64, 'native');
    const [first] = observationRules(program, profile, [['small-int-cache', 'singletons', 'constant-merging', 'getrefcount-argument']]);
    expect(first).toContain('getrefcount-argument');
    expect(first).not.toContain('constant-merging');
  });
});

describe('what a failure is about', () => {
  const program = parseProgram('import sys\na = []\nsys.getrefcount(a)\na\nsys.getrefcount(a)\n', { mode: 'module' });
  const profile = profileFor('3.11.7', 64, 'native');
  const checked = (because: RuleId[][]): Checked => {
    const prediction: DetailedPrediction = { observations: ['2', '[]', '2'], because };
    const observed = { status: 'ok' as const, observations: ['2', '[]', '3'] };
    return { source: '', observed, prediction, modelError: null, verdict: compare(prediction, observed) };
  };

  it('is the kind and rules of its first divergence; its focus, every rule up to there', () => {
    const f = found(program, profile, checked([['getrefcount-argument'], ['gc-dict-tracking'], ['getrefcount-argument']]), []);
    // The third observation is past an uncertain statement (a bare name): its statement is not known.
    expect(f.key).toEqual(groupKey(UNLOCATED, ['getrefcount-argument']));
    expect(f.focus.kind).toBe(ANY_KIND);
    expect(f.focus.rules).toEqual(expect.arrayContaining(['gc-dict-tracking', 'getrefcount-argument']));
  });

  it('leaves out of its focus a rule of each group found before that it lacks', () => {
    const before = groupKey('reference count', ['getrefcount-argument', 'gc-dict-tracking']);
    const f = found(program, profile, checked([['getrefcount-argument'], ['gc-dict-tracking'], ['getrefcount-argument']]), [before]);
    expect(f.focus.rules).not.toContain('gc-dict-tracking');
    expect(f.focus.rules).toContain('getrefcount-argument');
  });

  it('reads its kind off the statement and both values', () => {
    expect(keyAt(statements, 0, '3', '4294967295', [])).toEqual(groupKey('immortal reference count'));
  });
});
