// The values the extensions add, as weighted branches of `valueSpecArb` (each only with its extension on).
import fc from 'fast-check';
import type {
  ArithForm, BoundaryValue, BuiltinCall, CallableName, ClassAttr, FStringSpecField, MoreClassName, MoreMethod, MoreSliceForm, ValueSpec,
} from '../build/extendedPlan.ts';
import { isOn, type Branch, type Enabled } from './extensions.ts';
import { pickArb } from './picks.ts';

export const moreSliceFormArb = (): fc.Arbitrary<MoreSliceForm> => fc.constantFrom<MoreSliceForm>('neg-tail', 'step', 'past', 'middle');

const ARITH_FORMS: readonly ArithForm[] = [
  'float-add', 'float-mul', 'float-sub', 'floordiv', 'mod', 'pow', 'concat', 'bytes-concat', 'repeat-0', 'repeat-1', 'repeat-2', 'percent', 'neg', 'not',
];
const BUILTIN_CALLS: readonly BuiltinCall[] = [
  'chr', 'ord', 'dict-empty', 'dict-copy', 'bytes-count', 'bytes-list', 'float-of', 'int-of-float', 'str-of-float',
  'tuple-empty', 'list-empty', 'set-of', 'frozenset-of', 'bool-of',
];
const MORE_METHODS: readonly MoreMethod[] = [
  'keys', 'values', 'items', 'popitem', 'union', 'intersection', 'difference', 'lstrip', 'rstrip', 'title', 'capitalize',
  'zfill', 'format', 'encode', 'decode', 'bit_length', 'str-count',
];
const BOUNDARIES: readonly BoundaryValue[] = ['int-1024', 'int-1025', 'chr-255', 'chr-256', 'byte-128', 'float-zero-of-str'];

const instanceOf = (...classes: MoreClassName[]): fc.Arbitrary<ValueSpec> => fc.constantFrom(...classes).map((cls): ValueSpec => ({ kind: 'instance-more', cls }));

const fieldArb = (): fc.Arbitrary<FStringSpecField> =>
  fc.record({
    source: pickArb(),
    conversion: fc.constantFrom<FStringSpecField['conversion']>(null, 'a', 'r'),
    spec: fc.constantFrom<FStringSpecField['spec']>('>5', null, '^7'),
  });

/** Instances of the extensions' classes: also among the first values a program binds. */
export function moreInstanceBranches(): Branch<ValueSpec>[] {
  return [
    { weight: 3, needs: 'resurrection', arbitrary: instanceOf('R') },
    { weight: 3, needs: 'finalizer-reach', arbitrary: instanceOf('T') },
    { weight: 2, needs: 'class-variety', arbitrary: instanceOf('G', 'U', 'V') },
  ];
}

export function moreValueBranches(enabled: Enabled): Branch<ValueSpec>[] {
  // `frozenset()` goes with the extension that switches the empty frozenset on.
  const calls = isOn(enabled, 'empty-frozenset') ? [...BUILTIN_CALLS, 'frozenset-empty' as const] : BUILTIN_CALLS;
  return [
    ...moreInstanceBranches(),
    { weight: 3, needs: 'instance-dicts', arbitrary: pickArb().map((source): ValueSpec => ({ kind: 'instance-dict', source })) },
    { weight: 2, needs: 'callables', arbitrary: fc.constantFrom<CallableName>('g', 'D', 'outer', 'C').map((which): ValueSpec => ({ kind: 'callable', which })) },
    {
      weight: 1,
      needs: 'callables',
      arbitrary: pickArb().map((source): ValueSpec => ({ kind: 'builtin-call', fn: 'type-of', source, n: 0 })),
    },
    { weight: 2, needs: 'slice-forms', arbitrary: fc.record({ source: pickArb(), form: moreSliceFormArb() }).map((x): ValueSpec => ({ kind: 'slice-more', ...x })) },
    {
      weight: 8,
      needs: 'arithmetic',
      arbitrary: fc.record({ form: fc.constantFrom(...ARITH_FORMS), source: pickArb(), other: pickArb() }).map((x): ValueSpec => ({ kind: 'arith', ...x })),
    },
    {
      weight: 6,
      needs: 'builtin-calls',
      arbitrary: fc.record({ fn: fc.constantFrom(...calls), source: pickArb(), n: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3) })
        .map((x): ValueSpec => ({ kind: 'builtin-call', ...x })),
    },
    {
      weight: 6,
      needs: 'more-methods',
      arbitrary: fc.record({ method: fc.constantFrom(...MORE_METHODS), source: pickArb(), other: pickArb() }).map((x): ValueSpec => ({ kind: 'method-more', ...x })),
    },
    { weight: 1, needs: 'fstring-specs', arbitrary: fc.array(fieldArb(), { minLength: 1, maxLength: 2 }).map((fields): ValueSpec => ({ kind: 'fstring-spec', fields })) },
    {
      weight: 2,
      needs: 'class-variety',
      arbitrary: fc.record({ source: pickArb(), attr: fc.constantFrom<ClassAttr>('n', 'label', 'pair') }).map((r): ValueSpec => ({ kind: 'attr-read', ...r })),
    },
    { weight: 2, needs: 'wide-boundaries', arbitrary: fc.constantFrom(...BOUNDARIES).map((which): ValueSpec => ({ kind: 'boundary', which })) },
  ];
}
