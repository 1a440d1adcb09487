// The state of one predicted run: the heap, the shared objects, the namespaces, the observations.
// Mechanism files (small-ints.ts, strings.ts, dealloc.ts, gc.ts, ...) are functions over it.
import type { Mode, Stmt } from '../language/ast.ts';
import { makeObj, resetSerials, tick, type Payload, type PyObj } from './objects.ts';
import { atLeast, type Profile } from './profile.ts';
import type { Frame } from './exec/frame.ts';
import type { RuleId } from './rules.ts';

/** Thrown when the program raises: the observation list ends with `!Name`. */
export class PyException extends Error {
  constructor(readonly pyType: string, detail = '') {
    super(`${pyType}${detail ? `: ${detail}` : ''}`);
  }
}

/** Thrown when the model has no rule for what the program does next: the rest is declined. */
export class ModelGaveUp extends Error {
  override name = 'ModelGaveUp';
}

export function giveUp(reason: string): never {
  throw new ModelGaveUp(reason);
}

export class Runtime {
  readonly observations: (string | null)[] = [];
  /** Objects tracked by the cyclic collector, per generation, in the order CPython links them. */
  readonly generations: PyObj[][] = [[], [], []];
  /** The interned strings the program can know of (Objects/unicodeobject.c's interned dict). */
  readonly interned = new Map<string, PyObj>();
  readonly globals = new Map<string, PyObj>();
  readonly builtins = new Map<string, PyObj>();
  /** Objects the interpreter shares by value (singletons, caches), keyed by singletons.ts. */
  readonly shared = new Map<string, PyObj>();
  /** `builtins._`, set by the repl's display hook. */
  underscore: PyObj | null = null;
  readonly frames: Frame[] = [];
  /**
   * Borrowed references on the value stack (3.14 LOAD_FAST_BORROW): counted in `rc` for
   * lifetimes, left out by sys.getrefcount.
   */
  readonly borrowedTemps = new Map<PyObj, number>();
  /**
   * What an increment of 3.14's collector may have done, or not (gc.ts incrementalStep): moved
   * these young objects to the old space (a young collection is then declined), untracked these
   * tuples (gc.is_tracked of them is declined).
   */
  readonly increment = { young: new Set<PyObj>(), tuples: new Set<PyObj>() };
  /**
   * Set when something made the order of finalizers unknowable (for example instances freed from
   * a set, whose order is the hash order of addresses); `log`-like observations are then declined.
   */
  finalizerOrderUnknown = false;
  /** How many times each rule of rules.ts decided something in this run. */
  readonly fired = new Map<RuleId, number>();
  /** Called after each statement the program itself holds runs (explain.ts follows the heap with it). */
  stepHook: ((stmt: Stmt, frame: Frame) => void) | null = null;
  /** Every object made in this run, in allocation order (memory-reuse.ts reads the free lists' history). */
  readonly heap: PyObj[] = [];
  /** Logical times at which the interactive prompt compiled an input (its allocations are unknown). */
  readonly compileMarks: number[] = [];

  constructor(readonly profile: Profile, readonly mode: Mode) {
    resetSerials();
  }

  /** 3.12+ (PEP 683): shared singletons are immortal: their count never moves. */
  get hasImmortals(): boolean {
    return atLeast(this.profile, 3, 12);
  }

  /** A new object with one reference, owned by the caller. */
  alloc(payload: Payload): PyObj {
    const o = makeObj(payload);
    o.rc = 1;
    this.heap.push(o);
    return o;
  }

  /** A shared object the interpreter also references: its absolute count is not knowable. */
  allocShared(payload: Payload, immortalFrom312 = true): PyObj {
    const o = this.alloc(payload);
    o.rcExact = false;
    if (this.hasImmortals && immortalFrom312) o.immortal = true;
    return o;
  }

  incref(o: PyObj): PyObj {
    if (!o.alive) giveUp('a reference to a freed object');
    o.rc++;
    return o;
  }

  /** Drops one reference; at zero the object is freed at once (Include/object.h Py_DECREF). */
  decref(o: PyObj): void {
    o.rc--;
    if (o.rc === 0 && o.rcExact && !o.immortal) this.freeHook(o);
    if (o.rc < 0) giveUp(`the model's count of object #${o.serial} went negative`);
  }

  /**
   * Calls a Python callable from C (a finalizer, a weakref callback, __init__ from type_call):
   * the arguments stay owned by the caller and the callee's frame takes references of its own.
   * Installed by the interpreter.
   */
  callFromC: (callable: PyObj, args: PyObj[]) => PyObj = () => {
    throw new Error('no interpreter installed');
  };

  /** callFromC for finalizers and callbacks: an exception is unraisable and ignored. */
  callFromCIgnoringErrors(callable: PyObj, args: PyObj[]): void {
    try {
      this.decref(this.callFromC(callable, args));
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
    }
  }

  /** Installed by dealloc.ts (kept as a hook so that this file has no cycle of imports). */
  freeHook: (o: PyObj) => void = () => {
    throw new Error('no deallocator installed');
  };

  markFreed(o: PyObj): void {
    o.alive = false;
    o.freedAt = tick();
  }

  private muted = 0;

  /** Notes that `rule` decided something (coverage, explanations). */
  fire(rule: RuleId): void {
    if (this.muted > 0) return;
    this.fired.set(rule, (this.fired.get(rule) ?? 0) + 1);
    this.sinceObservation.add(rule);
  }

  /** The rules that decided something since the previous observation, for each observation. */
  readonly because: RuleId[][] = [];
  private sinceObservation = new Set<RuleId>();

  /** Runs what the oracle does around the program (its own gc.collect()): no rule is reported. */
  unobserved<T>(f: () => T): T {
    this.muted++;
    try {
      return f();
    } finally {
      this.muted--;
    }
  }

  record(observation: string | null): void {
    this.observations.push(observation);
    this.because.push([...this.sinceObservation]);
    this.sinceObservation = new Set();
  }

  // -------------------------------------------------------------- GC tracking (gc.ts has the rules)

  track(o: PyObj): void {
    if (o.tracked) return;
    o.tracked = true;
    this.generations[0].push(o);
  }

  untrack(o: PyObj): void {
    if (!o.tracked) return;
    o.tracked = false;
    for (const gen of this.generations) {
      const i = gen.indexOf(o);
      if (i >= 0) {
        gen.splice(i, 1);
        return;
      }
    }
  }
}
