// The trace `cmm explain` prints: one step per statement of the program's own, with that step's
// observations, the rules that decided something during it (not since the start), and the objects
// it freed.
import { describe, expect, it } from 'vitest';
import type { Program } from '../../language/ast.ts';
import { parseProgram } from '../../language/parse.ts';
import { profileFor } from '../profile.ts';
import { trace, type TraceStep } from './trace.ts';

const P312 = profileFor('3.12', 64, 'native');

const CYCLE = [
  'import gc', // 1
  'class C:', // 2
  '    pass',
  'a = C()', // 4
  'b = [a]', // 5
  'a.x = b', // 6
  'del a, b', // 7
  'gc.collect()', // 8
  '"done"', // 9
].join('\n');

/** The serial of the object a name leads to, at this step. */
function named(step: TraceStep, name: string): number {
  const edge = step.heap.edges.find((e) => e.from === null && e.label === name);
  if (edge === undefined) throw new Error(`no name ${name} at '${step.statement}'`);
  return edge.to;
}

/** The same program as parsed, without the source positions a generated program does not have. */
function withoutPositions(program: Program): Program {
  return JSON.parse(JSON.stringify(program), (key, value: unknown) => (key === 'loc' ? undefined : value)) as Program;
}

describe('the trace of a program', () => {
  const t = trace(parseProgram(CYCLE, { mode: 'module' }), P312);

  it('has a step per top-level statement, with its first line and its line number', () => {
    expect(t.steps.map((s) => s.statement)).toEqual(['import gc', 'class C:', 'a = C()', 'b = [a]', 'a.x = b', 'del a, b', 'gc.collect()', "'done'"]);
    expect(t.steps.map((s) => s.line)).toEqual([1, 2, 4, 5, 6, 7, 8, 9]);
  });

  it('has no line numbers for a program without source positions', () => {
    const bare = trace(withoutPositions(parseProgram(CYCLE, { mode: 'module' })), P312);
    expect(bare.steps.map((s) => s.line)).toEqual(new Array(8).fill(null));
    expect(bare.observations).toEqual(t.observations);
  });

  it('gives each step the observations it made, and the whole list', () => {
    expect(t.steps.map((s) => s.observations)).toEqual([[], [], [], [], [], [], ['2'], ["'done'"]]);
    expect(t.observations).toEqual(['2', "'done'"]);
    expect(t.stopped).toBeNull();
  });

  it('gives each step the rules fired during it, counted from the step before', () => {
    const collect = t.steps[6]!;
    expect(collect.rules).toContainEqual(['gc-unreachable-count', 1]);
    // small-int-cache fired while compiling (the first step) too: only this step's firing counts.
    expect(t.steps[0]!.rules.some(([id]) => id === 'small-int-cache')).toBe(true);
    expect(collect.rules).toContainEqual(['small-int-cache', 1]);
    expect(t.steps[5]!.rules).toEqual([]);
    expect(t.steps[7]!.rules.some(([id]) => id === 'gc-unreachable-count')).toBe(false);
  });

  it('names the objects the collection freed, and only at that step', () => {
    const made = t.steps[4]!;
    const freed = [named(made, 'a'), named(made, 'b')].sort((x, y) => x - y);
    expect(t.steps[6]!.freed).toEqual(freed);
    expect(t.steps.filter((s) => s.freed.length > 0)).toHaveLength(1);
  });

  it('names what a statement freed by its count falling to zero', () => {
    const tr = trace(parseProgram('a = [1000]\nb = a\ndel b\ndel a\n', { mode: 'module' }), P312);
    const list = named(tr.steps[0]!, 'a');
    expect(tr.steps.map((s) => s.freed)).toEqual([[], [], [], [list]]);
  });

  it('says why the model stopped, if it did', () => {
    // Zero padding of a str is a format spec the model has no rule for (model/format-spec.ts).
    const tr = trace(parseProgram('x = 1\n"{:05}".format("x")\nx\n', { mode: 'module' }), P312);
    expect(tr.stopped).toBe("the format spec '05'");
    expect(tr.steps.map((s) => s.statement)).toEqual(['x = 1']);
    expect(tr.observations).toEqual([]);
  });
});
