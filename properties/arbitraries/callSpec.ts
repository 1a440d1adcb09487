// Values made by calls: instances of the small classes (C and its subclass E have a finalizer,
// D has none, F(D) inherits D's class attribute and method, S has slots), `object()`, the user
// functions that return their argument, wrap it in a list or return a constant default, and
// (with the extensions) bound methods, closures, and functions reading a global or an enclosing name.
import fc from 'fast-check';
import type { CallSpec, CoreClassName } from '../build/extendedPlan.ts';
import { choose, type Enabled } from './extensions.ts';
import { pickArb } from './picks.ts';

export function classNameArb(enabled: Enabled): fc.Arbitrary<CoreClassName> {
  // F and S are one instance in ten each: the classes with finalizers stay the common ones.
  const core: CoreClassName[] = ['C', 'D', 'C', 'E'];
  return fc.constantFrom<CoreClassName>(...core, ...(enabled.has('classes') ? [...core, 'F', 'S'] as const : []));
}

export function callSpecArb(enabled: Enabled): fc.Arbitrary<CallSpec> {
  const picked = (kind: 'call-identity' | 'call-wrap' | 'bound-method' | 'call-method' | 'closure' | 'call-closure') =>
    pickArb().map((source) => ({ kind, source }) as CallSpec);
  return choose<CallSpec>(enabled, [
    { weight: 12, arbitrary: classNameArb(enabled).map((cls): CallSpec => ({ kind: 'instance', cls })) },
    { weight: 2, arbitrary: fc.constant<CallSpec>({ kind: 'object' }) },
    { weight: 2, arbitrary: picked('call-identity') },
    { weight: 2, arbitrary: picked('call-wrap') },
    { weight: 2, arbitrary: fc.constant<CallSpec>({ kind: 'call-default' }) },
    { weight: 2, needs: 'classes', arbitrary: picked('bound-method') },
    { weight: 1, needs: 'classes', arbitrary: picked('call-method') },
    { weight: 2, needs: 'scopes', arbitrary: picked('closure') },
    { weight: 1, needs: 'scopes', arbitrary: picked('call-closure') },
    { weight: 1, needs: 'scopes', arbitrary: fc.constant<CallSpec>({ kind: 'get-global' }) },
    { weight: 1, needs: 'scopes', arbitrary: fc.constant<CallSpec>({ kind: 'peek' }) },
  ]);
}
