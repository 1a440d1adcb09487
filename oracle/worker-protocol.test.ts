import { describe, expect, it } from 'vitest';
import { clip, encodeRequest, parseAnswer, parseHello, ProtocolError } from './worker-protocol.ts';

describe('the worker protocol', () => {
  it('encodes a request as one line, with the limit in seconds', () => {
    const line = encodeRequest(7, { source: 'x = """a\nb"""\nx', mode: 'function' }, 1500);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ id: 7, source: 'x = """a\nb"""\nx', mode: 'function', timeout: 1.5 });
  });

  it('reads a hello and nothing else as one', () => {
    const hello = { type: 'hello', version: '3.15.0a2', bits: 32, executable: '/p', implementation: 'cpython', pid: 4 };
    expect(parseHello(JSON.stringify(hello))).toEqual({ version: '3.15.0a2', bits: 32, executable: '/p', implementation: 'cpython', pid: 4 });
    expect(parseHello(JSON.stringify({ ...hello, bits: 16 }))).toBeUndefined();
    expect(parseHello(JSON.stringify({ ...hello, type: 'hi' }))).toBeUndefined();
    expect(parseHello('Python 3.11.7')).toBeUndefined();
  });

  it('reads an answer, keeping detail only when given', () => {
    expect(parseAnswer('{"id":3,"status":"ok","observations":["1","\'a\'"]}')).toEqual({
      id: 3,
      result: { status: 'ok', observations: ['1', "'a'"] },
    });
    expect(parseAnswer('{"id":4,"status":"crash","observations":[],"detail":"killed by signal 9 (SIGKILL)"}').result).toEqual({
      status: 'crash',
      observations: [],
      detail: 'killed by signal 9 (SIGKILL)',
    });
  });

  it.each([
    ['not JSON', 'oops'],
    ['an id that is not a number', '{"id":"3","status":"ok","observations":[]}'],
    ['an unknown status', '{"id":3,"status":"fine","observations":[]}'],
    ['observations that are not strings', '{"id":3,"status":"ok","observations":[1]}'],
    ['no observations', '{"id":3,"status":"ok"}'],
  ])('rejects an answer with %s', (_what, line) => {
    expect(() => parseAnswer(line)).toThrow(ProtocolError);
  });

  it('clips text to one short line', () => {
    expect(clip('a\n  b\tc')).toBe('a b c');
    expect(clip('x'.repeat(200), 10)).toBe('xxxxxxx...');
  });
});
