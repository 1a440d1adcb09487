// The attribute names attributes.ts relies on to call a read an AttributeError for sure, measured
// again on every CPython installed here: a version that adds an attribute to a built-in type
// would otherwise make the model predict AttributeError where CPython finds it.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import measured from './builtin-attribute-names.json' with { type: 'json' };
import { builtinTypeHas, METHOD_NAMES } from './attributes.ts';

const PYENV = `${homedir()}/.pyenv/versions`;
const PYTHONS = ['3.8.18', '3.9.18', '3.10.13', '3.11.7', '3.12.1', '3.13.0'].map((v) => `${PYENV}/${v}/bin/python3`);

// One object of each built-in type the model makes, by the model's type name.
const SCRIPT = `
import json, sys, weakref
def f(): pass
class C:
    def m(self): pass
def cell():
    x = 1
    def g(): return x
    return g.__closure__[0]
d = {}
objs = {'int': 1, 'bool': True, 'float': 1.0, 'str': 'a', 'bytes': b'a', 'NoneType': None,
  'ellipsis': ..., 'tuple': (1,), 'list': [], 'dict': d, 'set': set(), 'frozenset': frozenset(),
  'function': f, 'object': object(), 'method': C().m, 'builtin_function_or_method': [].append,
  'ReferenceType': weakref.ref(C), 'cell': cell(), 'dict_keys': d.keys(), 'dict_values': d.values(),
  'dict_items': d.items(), 'type': type}
print(json.dumps({k: dir(v) for k, v in objs.items()}))
`;

const dunder = (n: string): boolean => /^__.*__$/.test(n);

describe.each(PYTHONS)('attribute names on %s', (python) => {
  it.skipIf(!existsSync(python))('every name a built-in object has is in the measured list, and the model knows which method names each type has', async () => {
    const { stdout } = await execa(python, ['-c', SCRIPT]);
    const dirs = JSON.parse(stdout) as Record<string, string[]>;
    const known = new Set(measured.names);
    const unlisted = Object.entries(dirs).flatMap(([type, names]) => names.filter((n) => !dunder(n) && !known.has(n)).map((n) => `${type}.${n}`));
    expect(unlisted).toEqual([]);
    // Among the method names the model makes for some type, a type has exactly those the model
    // says it has (made or declined): the rest are AttributeErrors.
    const wrong = Object.entries(dirs).flatMap(([type, names]) =>
      [...METHOD_NAMES].filter((n) => names.includes(n) !== builtinTypeHas(type, n)).map((n) => `${type}.${n}`));
    expect(wrong).toEqual([]);
  });
});

it('lists names only, no dunders, sorted and without repeats', () => {
  expect(measured.names.length).toBeGreaterThan(50);
  expect(measured.names.filter(dunder)).toEqual([]);
  expect([...measured.names].sort()).toEqual(measured.names);
  expect(new Set(measured.names).size).toBe(measured.names.length);
});
