// Instances of the program's classes: the prelude each needs (its class, its bases, `log` and
// `keep` for the finalizers), the tag a tagged finalizer logs, and T's own list `items`.
import type { ClassName, ValueSpec } from './extendedPlan.ts';
import { CLASS_TRAITS } from './classes.ts';
import type { Heap } from './heap.ts';
import { call, name, str } from './nodes.ts';
import type { Built } from './values.ts';

const CORE_CLASSES: ReadonlySet<ClassName> = new Set(['C', 'D', 'E', 'F', 'S']);

/** The value spec that makes an instance of `cls` (the core's or an extension's). */
export function instanceSpec(cls: ClassName): ValueSpec {
  return CORE_CLASSES.has(cls) ? { kind: 'instance', cls: cls as 'C' } : { kind: 'instance-more', cls: cls as 'R' };
}

/** The class and every base it needs in the prelude. */
export function useClass(cls: ClassName, heap: Heap): void {
  for (let c: ClassName | null = cls; c !== null; c = CLASS_TRAITS[c].base) heap.uses.add(c);
  if (heap.uses.has('C') || cls === 'R' || cls === 'T') heap.uses.add('log');
  if (cls === 'R') heap.uses.add('keep');
}

/** `tag` names the instance for a finalizer that logs its tag: the name it is first bound to. */
export function buildInstance(cls: ClassName, heap: Heap, tag: string): Built {
  useClass(cls, heap);
  const obj = heap.create('instance', { cls });
  const tagged = CLASS_TRAITS[cls].tagged && heap.taggedInstances;
  if (tagged) obj.fields.set('tag', heap.str(tag).id);
  if (cls === 'T') obj.fields.set('items', heap.create('list', { len: 0 }).id);
  return { expr: call(name(cls), ...(tagged ? [str(tag)] : [])), obj };
}
