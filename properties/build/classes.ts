// What each class a program may use can do, so that a statement on one of its instances neither
// raises by accident nor breaks what its finalizer needs: which have a `__dict__`, which take weak
// references, which have a finalizer, which attributes their slots allow or their finalizer reads.
import type { AttrName, ClassName } from './extendedPlan.ts';
import type { SymObject } from './heap.ts';

export interface ClassTraits {
  base: ClassName | null;
  /** Instances have a `__dict__` (any attribute may be set). */
  dict: boolean;
  /** Instances take weak references (`__weakref__`). */
  weakref: boolean;
  /** `C(tag)` in the tagged shape: C's `__init__` takes the tag its `__del__` logs. */
  tagged: boolean;
  /** The attributes `__slots__` declares, when there is no `__dict__` to hold others. */
  slots: readonly AttrName[] | null;
  /** An attribute the finalizer reads, which steps must neither delete nor rebind to a non-list. */
  finalizerReads: AttrName | null;
}

const SLOTS: readonly AttrName[] = ['other', 'me'];

export const CLASS_TRAITS: Readonly<Record<ClassName, ClassTraits>> = {
  C: { base: null, dict: true, weakref: true, tagged: true, slots: null, finalizerReads: null },
  D: { base: null, dict: true, weakref: true, tagged: false, slots: null, finalizerReads: null },
  E: { base: 'C', dict: true, weakref: true, tagged: true, slots: null, finalizerReads: null },
  F: { base: 'D', dict: true, weakref: true, tagged: false, slots: null, finalizerReads: null },
  S: { base: null, dict: false, weakref: false, tagged: false, slots: SLOTS, finalizerReads: null },
  R: { base: null, dict: true, weakref: true, tagged: false, slots: null, finalizerReads: null },
  T: { base: null, dict: true, weakref: true, tagged: false, slots: null, finalizerReads: 'items' },
  G: { base: 'C', dict: true, weakref: true, tagged: true, slots: null, finalizerReads: null },
  U: { base: 'S', dict: true, weakref: true, tagged: false, slots: null, finalizerReads: null },
  V: { base: null, dict: false, weakref: true, tagged: false, slots: SLOTS, finalizerReads: null },
  M: { base: null, dict: true, weakref: true, tagged: false, slots: null, finalizerReads: null },
};

const traitsOf = (obj: SymObject): ClassTraits | null => (obj.kind === 'instance' && obj.cls !== undefined ? CLASS_TRAITS[obj.cls] : null);

/** An instance with a `__dict__`. */
export const hasDict = (obj: SymObject): boolean => traitsOf(obj)?.dict === true;

/** An instance that takes weak references. */
export const takesWeakref = (obj: SymObject): boolean => traitsOf(obj)?.weakref === true;

/** The attribute a step may set on the instance: any with a dict, else one its slots declare. */
export function settableAttr(obj: SymObject, wanted: AttrName, valueIsList: boolean): AttrName {
  const t = traitsOf(obj);
  if (t === null) return wanted;
  if (t.slots !== null && !t.dict && !t.slots.includes(wanted)) return 'other';
  // T's finalizer takes the length of `items` and clears it: it stays a list.
  if (t.finalizerReads === wanted && !valueIsList) return 'other';
  return wanted;
}

/** True when `del a.<attr>` leaves the finalizer what it reads. */
export function deletableAttr(obj: SymObject, attr: AttrName): boolean {
  return traitsOf(obj)?.finalizerReads !== attr;
}
