// The model's trace of a program, statement by statement (cmm explain): after each statement of
// the program's own, the heap it can reach (heap-snapshot.ts), the observations it made, the
// rules of the model that decided something, and which objects died.
import type { Program, Stmt } from '../../language/ast.ts';
import { renderProgram } from '../../language/render.ts';
import { run } from '../exec/run.ts';
import type { PyObj } from '../objects.ts';
import type { Profile } from '../profile.ts';
import type { RuleId } from '../rules.ts';
import { snapshot, type Snapshot } from './heap-snapshot.ts';

export interface TraceStep {
  /** The statement's first line as the program reads. */
  statement: string;
  line: number | null;
  /** Observations this statement made (null: declined). */
  observations: (string | null)[];
  /** Rules that decided something during this statement, with how often. */
  rules: [RuleId, number][];
  /** Serials of the objects of the previous snapshot (or made since) that this statement freed. */
  freed: number[];
  heap: Snapshot;
}

export interface Trace {
  steps: TraceStep[];
  observations: (string | null)[];
  /** Why the model stopped following the program, if it did. */
  stopped: string | null;
}

export function trace(program: Program, profile: Profile): Trace {
  const steps: TraceStep[] = [];
  let observed = 0;
  let fired = new Map<RuleId, number>();
  let watched: PyObj[] = [];
  const outcome = run(program, profile, (rt, stmt: Stmt, frame) => {
    const rules = [...rt.fired].flatMap(([id, n]): [RuleId, number][] => (n > (fired.get(id) ?? 0) ? [[id, n - (fired.get(id) ?? 0)]] : []));
    fired = new Map(rt.fired);
    const heap = snapshot(rt, frame, watched);
    const freed = watched.filter((o) => !o.alive).map((o) => o.serial);
    // What may die later: every object shown now.
    const shown = new Set(heap.objects.map((o) => o.serial));
    watched = rt.heap.filter((o) => o.alive && shown.has(o.serial));
    steps.push({
      statement: renderProgram({ ...program, body: [stmt] }).split('\n')[0]!,
      line: stmt.loc?.line ?? null,
      observations: rt.observations.slice(observed),
      rules,
      freed,
      heap,
    });
    observed = rt.observations.length;
  });
  return { steps, observations: outcome.observations, stopped: outcome.stopped?.reason ?? null };
}
