// A dying set drops its items in the order of its hash table (Objects/setobject.c set_dealloc),
// and an instance hashes by its address. With two or more items that run a finalizer, the order
// of their __del__ calls is therefore not something a case can record: measured with four
// instances of a logging class in one set, every CPython here logged its own order, and wasm-3.11
// logged ['d', 'a', 'c', 'b'] on one run and ['a', 'b', 'c', 'd'] on the next. The model must
// decline such a log rather than pick an order. (With a single finalizer the log is fixed:
// cases/gc/set-frees-its-items.yaml.)
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../language/parse.ts';
import { predict } from './predict.ts';
import { profileFor } from './profile.ts';

const logOf = (setDisplay: string): string =>
  [
    'log = []',
    'class C:',
    '    def __init__(self, t):',
    '        self.t = t',
    '    def __del__(self):',
    '        log.append(self.t)',
    `s = ${setDisplay}`,
    'del s',
    'log',
    '',
  ].join('\n');

const PROFILES = [profileFor('3.8', 64, 'native'), profileFor('3.12', 64, 'native'), profileFor('3.14', 32, 'embedded')];

describe('a set whose items run finalizers when it dies', () => {
  it.each(PROFILES)('declines their order when two of them can run __del__ (3.$minor, $bits-bit)', (profile) => {
    expect(predict(parseProgram(logOf("{C('a'), C('b')}"), { mode: 'module' }), profile)).toEqual([null]);
  });
});
