// The endings the `raising` extension adds, and any ending raised from inside a function.
import fc from 'fast-check';
import type { EndingSpec, MoreEndingSpec } from '../build/extendedPlan.ts';
import type { Branch } from './extensions.ts';
import { pickArb } from './picks.ts';

export function moreEndingArb(): fc.Arbitrary<MoreEndingSpec> {
  const on = <K extends MoreEndingSpec['kind']>(kind: K) => pickArb().map((source) => ({ kind, source }) as MoreEndingSpec);
  return fc.oneof(
    fc.record({ source: pickArb(), form: fc.constantFrom('hash' as const, 'set' as const) }).map((r): MoreEndingSpec => ({ kind: 'unhashable', ...r })),
    on('missing-attribute'),
    on('del-missing-attribute'),
    fc.constant<MoreEndingSpec>({ kind: 'bad-int' }),
    on('remove-absent'),
    on('add-none'),
    on('weakref-unsupported'),
    fc.constant<MoreEndingSpec>({ kind: 'overflow' }),
    fc.constant<MoreEndingSpec>({ kind: 'chr-range' }),
    fc.constantFrom('list' as const, 'dict' as const).map((what): MoreEndingSpec => ({ kind: 'pop-empty', what })),
    on('not-callable'),
    on('no-dict'),
    fc.constant<MoreEndingSpec>({ kind: 'unbound-local' }),
  );
}

/** `core` makes the core's endings: with `raising` on, either kind may also be raised inside a function. */
export function moreEndingBranches(core: fc.Arbitrary<EndingSpec>): Branch<EndingSpec>[] {
  const inner = fc.oneof(moreEndingArb(), core as fc.Arbitrary<Exclude<EndingSpec, { kind: 'in-function' }>>);
  return [
    { weight: 6, needs: 'raising', arbitrary: moreEndingArb() },
    { weight: 3, needs: 'raising', arbitrary: inner.map((ending): EndingSpec => ({ kind: 'in-function', ending })) },
  ];
}
