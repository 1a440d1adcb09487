// What the heap looks like between two statements, as far as the program can reach it: every
// object reachable from a name (or from `_` at the prompt), with its type, its count, and every
// name, slot and attribute that points at it. For `cmm explain`; nothing here changes the model.
import { reprOf } from '../repr.ts';
import { typeName, type PyObj } from '../objects.ts';
import type { Runtime } from '../runtime.ts';
import type { Frame } from '../exec/frame.ts';

export interface Edge {
  /** `a` for a name, `[0]`, `['k']`, `.attr`, `.__closure__`... for what an object holds. */
  label: string;
  /** The holder's serial, or null for a name. */
  from: number | null;
  to: number;
  /** A weak reference's referent: no reference, no count. */
  weak?: boolean;
}

export interface SnapshotObject {
  serial: number;
  type: string;
  /** The reference count the model follows; null where the interpreter shares the object (unknown). */
  rc: number | null;
  immortal: boolean;
  tracked: boolean;
  /** A short value for scalars (`257`, `'abc'`); null for containers and instances. */
  value: string | null;
  /** False for an object still alive that no name leads to any more: garbage, if it is in a cycle. */
  reachable: boolean;
}

export interface Snapshot {
  objects: SnapshotObject[];
  edges: Edge[];
}

const SCALARS = new Set(['int', 'float', 'str', 'bytes', 'bool', 'none', 'ellipsis']);

/** What `o` holds, each with the label of the slot or attribute that holds it. */
function held(o: PyObj): { label: string; to: PyObj; weak?: boolean }[] {
  const p = o.payload;
  switch (p.kind) {
    case 'tuple': case 'list': return p.items.map((to, i) => ({ label: `[${i}]`, to }));
    case 'set': return p.items.map((to) => ({ label: '{}', to }));
    case 'dict': return p.keys.flatMap((k, i) => [{ label: 'key', to: k }, { label: `[${reprOf(k) ?? '?'}]`, to: p.values[i]! }]);
    case 'instance': return [...[...p.attrs].map(([name, to]) => ({ label: `.${name}`, to })), ...(p.dict ? [{ label: '.__dict__', to: p.dict }] : [])];
    case 'function': return [...(p.defaults ? [{ label: '.__defaults__', to: p.defaults }] : []), ...(p.closureTuple ? [{ label: '.__closure__', to: p.closureTuple }] : [])];
    case 'method': return [{ label: '.__func__', to: p.func }, { label: '.__self__', to: p.self }];
    case 'cell': return p.content ? [{ label: '.cell_contents', to: p.content }] : [];
    case 'weakref': return [...(p.referent ? [{ label: 'referent', to: p.referent, weak: true }] : []), ...(p.callback ? [{ label: '.callback', to: p.callback }] : [])];
    case 'view': return [{ label: '.mapping', to: p.dict }];
    case 'class': return [...p.cls.attrs].map(([name, to]) => ({ label: `.${name}`, to }));
    default: return [];
  }
}

/** The names the program can see at this point: the module's, then the running function's own. */
function names(rt: Runtime, frame: Frame): [string, PyObj][] {
  const out: [string, PyObj][] = [...rt.globals].filter(([name, o]) => !name.startsWith('__') && o.payload.kind !== 'module');
  for (const [name, o] of frame.fast) if (!out.some(([n]) => n === name)) out.push([name, o]);
  if (rt.underscore !== null) out.push(['_', rt.underscore]);
  return out;
}

/**
 * The heap from the names the program sees; then, from `earlier` (what an earlier snapshot showed),
 * what is still alive although no name leads to it any more.
 */
export function snapshot(rt: Runtime, frame: Frame, earlier: readonly PyObj[] = []): Snapshot {
  const seen = new Map<PyObj, SnapshotObject>();
  const edges: Edge[] = [];
  const stack: PyObj[] = [];
  let reachable = true;
  const visit = (o: PyObj): void => {
    if (seen.has(o)) return;
    const value = SCALARS.has(o.payload.kind) ? reprOf(o) : null;
    seen.set(o, { serial: o.serial, type: typeName(o), rc: o.rcExact && !o.immortal ? o.rc : null, immortal: o.immortal, tracked: o.tracked, value, reachable });
    stack.push(o);
  };
  // A weak reference does not keep its referent reachable: the referent is shown after the rest.
  const weaklyHeld: PyObj[] = [];
  for (const [name, o] of names(rt, frame)) {
    visit(o);
    edges.push({ label: name, from: null, to: o.serial });
  }
  follow(stack, edges, visit, weaklyHeld);
  reachable = false;
  for (const o of weaklyHeld) visit(o);
  // Only what can be garbage: a scalar or a function nothing shows any more is not worth a line.
  for (const o of earlier) if (o.alive && !seen.has(o) && o.tracked) visit(o);
  follow(stack, edges, visit, weaklyHeld);
  return { objects: [...seen.values()].sort((a, b) => a.serial - b.serial), edges };
}

function follow(stack: PyObj[], edges: Edge[], visit: (o: PyObj) => void, weaklyHeld: PyObj[]): void {
  while (stack.length > 0) {
    const o = stack.pop()!;
    // A class's methods hold the code they run, not program data: shown, not followed further.
    if (o.payload.kind === 'function' && o.payload.defaults === null && o.payload.closureTuple === null) continue;
    for (const h of held(o)) {
      if (h.weak === true) weaklyHeld.push(h.to);
      else visit(h.to);
      edges.push({ label: h.label, from: o.serial, to: h.to.serial, ...(h.weak === true ? { weak: true } : {}) });
    }
  }
}
