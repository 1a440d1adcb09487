// Unary minus (Objects/longobject.c long_neg: small results come from the small-int cache;
// Objects/floatobject.c float_neg: always a new float).
import type { PyObj } from '../objects.ts';
import { knownNum } from '../ops.ts';
import { PyException, type Runtime } from '../runtime.ts';
import { newInt } from '../small-ints.ts';
import { typeName } from '../objects.ts';
import { newFloat } from '../values.ts';

export function negate(rt: Runtime, v: PyObj): PyObj {
  const n = knownNum(v, 'negating a value the model does not know');
  if (!n) throw new PyException('TypeError', `bad operand type for unary -: '${typeName(v)}'`);
  return n.t === 'int' ? newInt(rt, -n.v) : newFloat(rt, -n.v);
}
