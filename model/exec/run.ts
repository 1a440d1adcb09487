// Running a whole program in one of SPEC's three modes, as the oracle does:
// - module: compile everything, gc.collect(), run the module code;
// - function: the body becomes `def __case__():`, compiled, gc.collect(), called once from C;
// - repl: each input (a statement, or the statements sharing one line) is compiled when its turn
//   comes, run, and its code object dropped; an expression statement's value goes through the
//   display hook (Python/sysmodule.c sys_displayhook: `_` = None, print, `_` = value).
import { BUILTIN_CALLABLES, type FunctionDef, type Program, type Stmt } from '../../language/ast.ts';
import { compileUnit, releaseUnit, type Compilation } from '../compile/code-unit.ts';
import { analyse } from '../compile/scope.ts';
import { installDeallocator } from '../dealloc.ts';
import { collect } from '../gc.ts';
import { tick, type PyObj } from '../objects.ts';
import type { Profile } from '../profile.ts';
import type { RuleId } from '../rules.ts';
import { ModelGaveUp, PyException, Runtime } from '../runtime.ts';
import { builtinFunction, builtinType } from '../singletons.ts';
import { callObject, installCaller } from './calls.ts';
import { evalExpr } from './expressions.ts';
import type { Frame } from './frame.ts';
import { execBody, execStmt, observe, ReturnSignal } from './statements.ts';

export interface RunOutcome {
  observations: (string | null)[];
  stopped?: { reason: string };
  fired: ReadonlyMap<RuleId, number>;
  /** For each observation, the rules that decided something since the one before. */
  because: readonly RuleId[][];
}

const TYPE_NAMES = new Set(['int', 'str', 'float', 'bytes', 'tuple', 'list', 'dict', 'set', 'frozenset', 'type', 'object', 'bool']);

function setUpBuiltins(rt: Runtime): void {
  for (const name of BUILTIN_CALLABLES) {
    rt.builtins.set(name, TYPE_NAMES.has(name) ? builtinType(rt, name as 'int') : builtinFunction(rt, name));
  }
}

function newComp(): Compilation {
  return { cache: new Map(), memo: new Map(), fromTree: new Map() };
}

function moduleFrame(rt: Runtime, body: Stmt[], comp: Compilation = newComp()): Frame {
  const scope = analyse(body, 'module');
  const unit = compileUnit(rt, comp, body, scope, 'module', '<module>');
  return { unit, fast: new Map(), cells: new Map(), classNs: null };
}

/** The repl's inputs: top-level statements grouped by the physical line they start on. */
export function replInputs(body: Stmt[]): Stmt[][] {
  const inputs: Stmt[][] = [];
  let line = -1;
  for (const s of body) {
    const l = s.loc?.line;
    if (l !== undefined && l === line && inputs.length) inputs[inputs.length - 1].push(s);
    else inputs.push([s]);
    line = l ?? -1;
  }
  return inputs;
}

function displayHook(rt: Runtime, value: PyObj): void {
  rt.fire('display-hook');
  if (value.payload.kind === 'none') return;
  const old = rt.underscore;
  rt.underscore = null;
  if (old) rt.decref(old);
  observe(rt, value);
  rt.underscore = rt.incref(value);
}

function runRepl(rt: Runtime, program: Program): void {
  for (const input of replInputs(program.body)) {
    // Compiling the input allocates and frees objects the model does not follow (memory-reuse.ts).
    rt.compileMarks.push(tick());
    const comp = newComp();
    const frame = moduleFrame(rt, input, comp);
    // The input's syntax tree lives while it runs, holding its literals.
    const tree = [...comp.fromTree].filter(([o]) => o.alive);
    for (const [o, literals] of tree) for (let i = 0; i < literals; i++) rt.incref(o);
    try {
      for (const s of input) {
        if (s.kind === 'ExprStmt') {
          const v = evalExpr(rt, frame, s.value);
          displayHook(rt, v);
          rt.decref(v);
        } else {
          execStmt(rt, frame, s);
        }
        rt.stepHook?.(s, frame);
      }
    } finally {
      releaseUnit(rt, frame.unit);
      for (const [o, literals] of tree) for (let i = 0; i < literals; i++) rt.decref(o);
    }
  }
}

export function run(program: Program, profile: Profile, onStep?: (rt: Runtime, stmt: Stmt, frame: Frame) => void): RunOutcome {
  const rt = new Runtime(profile, program.mode);
  if (onStep !== undefined) {
    const own = new Set(program.body);
    rt.stepHook = (s, frame) => {
      if (own.has(s)) onStep(rt, s, frame);
    };
  }
  installDeallocator(rt);
  installCaller(rt);
  setUpBuiltins(rt);
  try {
    if (program.mode === 'repl') {
      rt.unobserved(() => collect(rt, 2));
      runRepl(rt, program);
    } else if (program.mode === 'module') {
      const frame = moduleFrame(rt, program.body);
      rt.unobserved(() => collect(rt, 2));
      // A leading str is the module's docstring, stored as __doc__ and not echoed
      // (Python/compile.c compiler_body), as in a function body.
      execBody(rt, frame, program.body);
    } else {
      const def: FunctionDef = { kind: 'FunctionDef', name: '__case__', params: [], body: program.body };
      const frame = moduleFrame(rt, [def]);
      rt.unobserved(() => collect(rt, 2));
      execStmt(rt, frame, def);
      const f = rt.globals.get('__case__');
      if (!f) throw new Error('no __case__');
      try {
        rt.decref(callObject(rt, f, []));
      } catch (e) {
        if (!(e instanceof ReturnSignal)) throw e;
      }
    }
  } catch (e) {
    if (e instanceof PyException) rt.record(`!${e.pyType}`);
    else if (e instanceof ModelGaveUp) return { observations: rt.observations, stopped: { reason: e.message }, fired: rt.fired, because: rt.because };
    else if (e instanceof ReturnSignal) {
      // `return` at the top of a function-mode program ends it.
    } else if (e instanceof RangeError) {
      return { observations: rt.observations, stopped: { reason: `the model overflowed its stack: ${e.message}` }, fired: rt.fired, because: rt.because };
    } else throw e;
  }
  return { observations: rt.observations, fired: rt.fired, because: rt.because };
}
