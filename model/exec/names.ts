// Loading, storing and deleting names: LOAD_NAME / LOAD_GLOBAL / LOAD_FAST / LOAD_DEREF and their
// STORE_ and DELETE_ siblings (Python/ceval.c). A store drops the old value after the new one
// is in place; a load makes a new reference (the stack's).
import { nameKind } from '../compile/scope.ts';
import type { PyObj } from '../objects.ts';
import { PyException, type Runtime } from '../runtime.ts';
import type { Frame } from './frame.ts';

function fromBuiltins(rt: Runtime, name: string): PyObj {
  if (name === '_' && rt.underscore) return rt.incref(rt.underscore);
  const b = rt.builtins.get(name);
  if (b) return rt.incref(b);
  throw new PyException('NameError', `name '${name}' is not defined`);
}

function fromGlobals(rt: Runtime, name: string): PyObj {
  const g = rt.globals.get(name);
  return g ? rt.incref(g) : fromBuiltins(rt, name);
}

export function loadName(rt: Runtime, frame: Frame, name: string): PyObj {
  switch (nameKind(frame.unit.scope, name)) {
    case 'name': {
      const v = frame.classNs?.get(name);
      return v ? rt.incref(v) : fromGlobals(rt, name);
    }
    case 'global': return fromGlobals(rt, name);
    case 'fast': {
      const v = frame.fast.get(name);
      if (!v) throw new PyException('UnboundLocalError', name);
      return rt.incref(v);
    }
    case 'cell': {
      const cell = frame.cells.get(name);
      const content = cell && cell.payload.kind === 'cell' ? cell.payload.content : null;
      if (!content) throw new PyException(frame.unit.scope.cells.has(name) ? 'UnboundLocalError' : 'NameError', name);
      return rt.incref(content);
    }
  }
}

/** The mapping a STORE_/DELETE_ of a non-cell name works on. */
function namespaceFor(rt: Runtime, frame: Frame, kind: 'name' | 'global' | 'fast'): Map<string, PyObj> {
  if (kind === 'name') return frame.classNs ?? rt.globals;
  return kind === 'global' ? rt.globals : frame.fast;
}

/** Stores `value` (a reference the caller hands over) under `name`. */
export function storeName(rt: Runtime, frame: Frame, name: string, value: PyObj): void {
  const kind = nameKind(frame.unit.scope, name);
  if (kind === 'cell') {
    const cell = frame.cells.get(name);
    if (!cell || cell.payload.kind !== 'cell') throw new Error(`no cell for ${name}`);
    const old = cell.payload.content;
    cell.payload.content = value;
    if (old) rt.decref(old);
    return;
  }
  const map = namespaceFor(rt, frame, kind);
  const old = map.get(name);
  if (kind === 'fast') frame.borrowed?.delete(name);
  map.set(name, value);
  if (old) rt.decref(old);
}

export function deleteName(rt: Runtime, frame: Frame, name: string): void {
  const kind = nameKind(frame.unit.scope, name);
  if (kind === 'cell') {
    const cell = frame.cells.get(name);
    const old = cell && cell.payload.kind === 'cell' ? cell.payload.content : null;
    // DELETE_DEREF of an empty cell: format_exc_unbound (Python/ceval.c) names a cell variable
    // unbound local, a free variable a NameError, as a load does.
    if (!old || !cell || cell.payload.kind !== 'cell') throw new PyException(frame.unit.scope.cells.has(name) ? 'UnboundLocalError' : 'NameError', name);
    cell.payload.content = null;
    rt.decref(old);
    return;
  }
  const map = namespaceFor(rt, frame, kind);
  const old = map.get(name);
  if (kind === 'fast') frame.borrowed?.delete(name);
  if (!old) throw new PyException(kind === 'fast' ? 'UnboundLocalError' : 'NameError', name);
  map.delete(name);
  rt.decref(old);
}
