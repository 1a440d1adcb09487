import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../language/parse.ts';
import { kindOfStatement, observationStatements } from './kinds.ts';

describe('the kind of a difference', () => {
  it('is read off the statement, the values telling exceptions and immortal counts apart', () => {
    expect(kindOfStatement('sys.getrefcount(a)', ['3', '2'])).toBe('reference count');
    expect(kindOfStatement('sys.getrefcount(a)', ['4', '4294967295'])).toBe('immortal reference count');
    expect(kindOfStatement('hash(a)', ['3906047847676358913', '-1569833375'])).toBe('hash');
    expect(kindOfStatement('sys.getrefcount(a) - r', ['1', '0'])).toBe('reference count delta');
    expect(kindOfStatement('gc.is_tracked(a.__dict__)', ['False', 'True'])).toBe('instance __dict__');
    expect(kindOfStatement('gc.collect(1)', ['0', '2'])).toBe('gc.collect(generation) result');
    expect(kindOfStatement('gc.collect()', ['0', '2'])).toBe('gc.collect() result');
    expect(kindOfStatement('id(D()) == id(D())', ['True', 'False'])).toBe('id() equality (memory reuse)');
    expect(kindOfStatement('a is b', ['True', 'False'])).toBe('identity (is)');
    expect(kindOfStatement('a', ['1', '!TypeError'])).toBe('exception');
    expect(kindOfStatement(null, ['1', '2'])).toBe('unlocated observation');
    expect(kindOfStatement('repr(a)', ["{1, 'a'}", "{'a', 1}"])).toBe('value');
  });

  it('maps each sure observation of a program to its statement', () => {
    const program = parseProgram('import sys\na = 257\nsys.getrefcount(a)\nb = a\na is b\n', { mode: 'module' });
    expect(observationStatements(program)).toEqual(['sys.getrefcount(a)', 'a is b']);
  });
});
