// repr() of an object, as an observation records it. Null where CPython's answer depends on
// something the model cannot know (an address, a str hash order, a value left unknown).
import { bytesRepr, floatRepr, strRepr } from '../language/literals.ts';
import { typeName, type PyObj } from './objects.ts';
import { setOrder } from './set-order.ts';
import { viewReprParts } from './dict-views.ts';

const SIMPLE_TYPE_REPR = new Set([
  'int', 'float', 'str', 'bytes', 'bool', 'NoneType', 'ellipsis', 'tuple', 'list', 'dict', 'set',
  'frozenset', 'function', 'type', 'method', 'builtin_function_or_method', 'module', 'object', 'cell',
  'dict_keys', 'dict_values', 'dict_items',
]);

export function reprOf(o: PyObj, seen: Set<PyObj> = new Set()): string | null {
  const p = o.payload;
  switch (p.kind) {
    case 'int': return p.unknown ? null : p.value.toString();
    case 'float': return floatRepr(p.value);
    case 'str': return strRepr(p.value);
    case 'bytes': return bytesRepr(p.value);
    case 'bool': return p.unknown ? null : p.value ? 'True' : 'False';
    case 'none': return 'None';
    case 'ellipsis': return 'Ellipsis';
    case 'tuple': {
      if (seen.has(o)) return null;
      const items = reprItems(p.items, new Set(seen).add(o));
      if (items === null) return null;
      return p.items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    case 'list': {
      // Objects/listobject.c list_repr: a list inside itself shows as [...] (Py_ReprEnter).
      if (seen.has(o)) return '[...]';
      const items = reprItems(p.items, new Set(seen).add(o));
      return items === null ? null : `[${items.join(', ')}]`;
    }
    case 'dict': {
      if (seen.has(o)) return '{...}';
      const inner = new Set(seen).add(o);
      const parts: string[] = [];
      for (let i = 0; i < p.keys.length; i++) {
        const k = reprOf(p.keys[i], inner);
        const v = reprOf(p.values[i], inner);
        if (k === null || v === null) return null;
        parts.push(`${k}: ${v}`);
      }
      return `{${parts.join(', ')}}`;
    }
    case 'set': {
      const order = setOrder(o);
      if (!order) return null;
      if (seen.has(o)) return null;
      const items = reprItems(order, new Set(seen).add(o));
      if (items === null) return null;
      const body = `{${items.join(', ')}}`;
      if (p.frozen) return order.length === 0 ? 'frozenset()' : `frozenset(${body})`;
      return order.length === 0 ? 'set()' : body;
    }
    case 'view': {
      // Objects/dictobject.c dictview_repr: the type's name around the repr of list(view); a view
      // met again inside itself prints as '...' (Py_ReprEnter), which the model leaves unknown.
      if (seen.has(o)) return null;
      const inner = new Set(seen).add(o);
      const parts: string[] = [];
      for (const entry of viewReprParts(p)) {
        const texts = reprItems(entry, inner);
        if (texts === null) return null;
        parts.push(entry.length === 1 ? texts[0] : `(${texts.join(', ')})`);
      }
      return `dict_${p.of}([${parts.join(', ')}])`;
    }
    case 'type':
      // Types whose repr names a module other than builtins (weakref.ReferenceType) are left out.
      return SIMPLE_TYPE_REPR.has(p.name) ? `<class '${p.name}'>` : null;
    case 'class': return `<class '__main__.${p.cls.qualname}'>`;
    case 'module': return p.name === 'sys' || p.name === 'gc' ? `<module '${p.name}' (built-in)>` : null;
    default:
      // Functions, instances, methods, weak references...: their repr shows an address.
      return null;
  }
}

function reprItems(items: PyObj[], seen: Set<PyObj>): string[] | null {
  const out: string[] = [];
  for (const i of items) {
    const r = reprOf(i, seen);
    if (r === null) return null;
    out.push(r);
  }
  return out;
}

/** str() of an object: repr except for str itself (the model needs it for f-strings and str()). */
export function strOf(o: PyObj): string | null {
  if (o.payload.kind === 'str') return o.payload.value;
  return reprOf(o);
}

export { typeName };
