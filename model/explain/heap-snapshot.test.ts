// What `cmm explain` shows of the heap between two statements: what the program's names reach,
// through every slot, key, attribute and weak reference, and what is still alive without a name.
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../language/parse.ts';
import type { Mode } from '../../language/ast.ts';
import { profileFor } from '../profile.ts';
import { trace, type TraceStep } from './trace.ts';
import type { Edge, SnapshotObject } from './heap-snapshot.ts';

const P312 = profileFor('3.12', 64, 'native');

function lastStep(source: string, mode: Mode = 'module'): TraceStep {
  const steps = trace(parseProgram(source, { mode }), P312).steps;
  return steps[steps.length - 1]!;
}

function objectOf(step: TraceStep, serial: number): SnapshotObject {
  const o = step.heap.objects.find((x) => x.serial === serial);
  if (o === undefined) throw new Error(`object ${serial} is not shown`);
  return o;
}

function named(step: TraceStep, name: string): SnapshotObject {
  const edge = step.heap.edges.find((e) => e.from === null && e.label === name);
  if (edge === undefined) throw new Error(`no name ${name}`);
  return objectOf(step, edge.to);
}

/** What an object holds, as `label -> type` (or the scalar's value), weak ones marked. */
function holds(step: TraceStep, from: SnapshotObject): string[] {
  return step.heap.edges
    .filter((e: Edge) => e.from === from.serial)
    .map((e) => {
      const to = objectOf(step, e.to);
      return `${e.label} -> ${to.value ?? to.type}${e.weak === true ? ' (weak)' : ''}`;
    });
}

const EVERY_KIND = [
  'import weakref',
  'class C:',
  '    k = 5000',
  '    def f(self):',
  '        pass',
  'def g(x=(1, 2)):',
  '    pass',
  'def h():',
  '    pass',
  'c = C()',
  'c.y = 6000',
  'm = c.f',
  'd = {"a": c}',
  'v = d.keys()',
  't = (c, 7000)',
  'l = [c]',
  's = {8000}',
  'r = weakref.ref(c, g)',
  'n = None',
  'q = str(12345)',
  'e = C()',
  'e.__dict__',
  'pass',
].join('\n');

describe('the heap snapshot', () => {
  // Traced inside each test, not while the suite is collected: a model that throws then fails
  // these tests one by one (a collection error runs none, which a mutation run counts as a pass).
  let traced: TraceStep | undefined;
  const everyKind = (): TraceStep => (traced ??= lastStep(EVERY_KIND));

  it('shows each name the program sees, but not modules or dunder names', () => {
    const step = everyKind();
    const names = step.heap.edges.filter((e) => e.from === null).map((e) => e.label);
    expect(names).toEqual(['C', 'g', 'h', 'c', 'm', 'd', 'v', 't', 'l', 's', 'r', 'n', 'q', 'e']);
  });

  it('follows what each kind of object holds, labelled by slot, key or attribute', () => {
    const step = everyKind();
    expect(holds(step, named(step, 't'))).toEqual(['[0] -> C', '[1] -> 7000']);
    expect(holds(step, named(step, 'l'))).toEqual(['[0] -> C']);
    expect(holds(step, named(step, 's'))).toEqual(['{} -> 8000']);
    expect(holds(step, named(step, 'd'))).toEqual(["key -> 'a'", "['a'] -> C"]);
    expect(holds(step, named(step, 'v'))).toEqual(['.mapping -> dict']);
    expect(holds(step, named(step, 'm'))).toEqual(['.__func__ -> function', '.__self__ -> C']);
    expect(holds(step, named(step, 'c'))).toEqual(['.y -> 6000']);
    expect(holds(step, named(step, 'e'))).toEqual(['.__dict__ -> dict']);
    expect(holds(step, named(step, 'r'))).toEqual(['referent -> C (weak)', '.callback -> function']);
    expect(holds(step, named(step, 'g'))).toEqual(['.__defaults__ -> tuple']);
    expect(holds(step, named(step, 'C'))).toEqual(['.k -> 5000', '.f -> function']);
  });

  it('walks nested objects to the end, not only what a name holds', () => {
    const step = lastStep('x = [[(3000,)]]\npass\n');
    const outer = named(step, 'x');
    expect(holds(step, outer)).toEqual(['[0] -> list']);
    const inner = objectOf(step, step.heap.edges.find((e) => e.from === outer.serial)!.to);
    expect(holds(step, inner)).toEqual(['[0] -> tuple']);
    const tuple = objectOf(step, step.heap.edges.find((e) => e.from === inner.serial)!.to);
    expect(holds(step, tuple)).toEqual(['[0] -> 3000']);
    expect(step.heap.objects.map((o) => o.type).sort()).toEqual(['int', 'list', 'list', 'tuple']);
  });

  it('does not follow a function that holds nothing but its code', () => {
    const step = everyKind();
    expect(holds(step, named(step, 'h'))).toEqual([]);
  });

  it('gives scalars a value, containers none, and counts only where the model knows them', () => {
    const step = everyKind();
    expect(named(step, 'q')).toMatchObject({ type: 'str', value: "'12345'", rc: 1, immortal: false, tracked: false, reachable: true });
    expect(named(step, 'n')).toMatchObject({ type: 'NoneType', value: 'None', rc: null, immortal: true });
    expect(named(step, 'l')).toMatchObject({ type: 'list', value: null, rc: 1, tracked: true });
    // c: its name, d's value, the tuple, the list, the bound method.
    expect(named(step, 'c')).toMatchObject({ type: 'C', value: null, rc: 5 });
    // A class is held by the interpreter in ways the model does not count.
    expect(named(step, 'C')).toMatchObject({ type: 'type', rc: null, immortal: false });
  });

  it('lists the objects in the order they were made', () => {
    const step = everyKind();
    const serials = step.heap.objects.map((o) => o.serial);
    expect(serials).toEqual([...serials].sort((a, b) => a - b));
    expect(new Set(serials).size).toBe(serials.length);
  });

  it("shows the function's own names in function mode, and the prompt's _ in repl mode", () => {
    expect(named(lastStep('a = [1]\npass\n', 'function'), 'a').type).toBe('list');
    const repl = lastStep('[2000]\npass\n', 'repl');
    expect(named(repl, '_')).toMatchObject({ type: 'list', rc: 1 });
  });
});

describe('what a closure, a key without a repr and a dead weak reference hold', () => {
  it('follows a closure to its cells and what they hold', () => {
    const step = lastStep('def outer():\n    x = [1]\n    def inner():\n        return x\n    return inner\nf = outer()\npass\n');
    const f = named(step, 'f');
    expect(holds(step, f)).toEqual(['.__closure__ -> tuple']);
    const closure = objectOf(step, step.heap.edges.find((e) => e.from === f.serial)!.to);
    expect(holds(step, closure)).toEqual(['[0] -> cell']);
    const cell = objectOf(step, step.heap.edges.find((e) => e.from === closure.serial)!.to);
    expect(holds(step, cell)).toEqual(['.cell_contents -> list']);
  });

  it('shows an empty cell as holding nothing', () => {
    const steps = trace(parseProgram('def inner():\n    return x\npass\nx = 1\n', { mode: 'function' }), P312).steps;
    const [stepBefore, step] = [steps.at(-2)!, steps.at(-1)!];
    for (const s of [step, stepBefore]) expect(s.heap.objects.filter((o) => o.type === 'cell')).toHaveLength(1);
    const emptyCell = stepBefore.heap.objects.find((o) => o.type === 'cell')!;
    expect(holds(stepBefore, emptyCell)).toEqual([]);
    const fullCell = step.heap.objects.find((o) => o.type === 'cell')!;
    expect(holds(step, fullCell)).toEqual(['.cell_contents -> 1']);
  });

  it("labels a dict's value by '?' when its key has no repr the model knows", () => {
    const step = lastStep('class C:\n    pass\nk = C()\nd = {k: 2000}\npass\n');
    expect(holds(step, named(step, 'd'))).toEqual(['key -> C', '[?] -> 2000']);
  });

  it('shows a weak reference whose referent died, without a callback, as holding nothing', () => {
    const step = lastStep('import weakref\nclass C:\n    pass\nc = C()\nr = weakref.ref(c)\ndel c\npass\n');
    expect(holds(step, named(step, 'r'))).toEqual([]);
  });
});

describe('what is alive without a name', () => {
  const CYCLE = 'import weakref\nclass C:\n    pass\na = C()\nb = [a, 1000]\na.x = b\nw = weakref.ref(a)\ndel a, b\n';

  it('is a cycle a weak reference still reaches: unreachable, with its edges', () => {
    const step = lastStep(CYCLE);
    const w = named(step, 'w');
    expect(w.reachable).toBe(true);
    const edge = step.heap.edges.find((e) => e.from === w.serial)!;
    expect(edge).toMatchObject({ label: 'referent', weak: true });
    const a = objectOf(step, edge.to);
    expect(a).toMatchObject({ type: 'C', rc: 1, reachable: false });
    expect(holds(step, a)).toEqual(['.x -> list']);
    const list = step.heap.objects.find((o) => o.type === 'list')!;
    expect(list.reachable).toBe(false);
    expect(holds(step, list)).toEqual(['[0] -> C', '[1] -> 1000']);
  });

  it('is an unreachable cycle an earlier step showed, while it lives', () => {
    const step = lastStep('import gc\nclass C:\n    pass\na = C()\na.me = a\ndel a\npass\n');
    const garbage = step.heap.objects.filter((o) => !o.reachable);
    expect(garbage.map((o) => o.type)).toEqual(['C']);
    const after = lastStep('import gc\nclass C:\n    pass\na = C()\na.me = a\ndel a\ngc.collect()\n');
    expect(after.heap.objects.map((o) => o.type)).toEqual(['type']);
  });

  it('is not a scalar the program no longer names, though a constant keeps it alive', () => {
    const step = lastStep('b = [1000]\nx = b[0]\ndel b\ndel x\n');
    expect(step.heap.objects).toEqual([]);
  });
});
