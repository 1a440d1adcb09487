import { describe, expect, it } from 'vitest';
import { clip, describeWaitStatus, encodeRequest, parseHello, parsePidLine, parseResultLine, ProtocolError } from './worker-protocol.ts';

describe('the worker protocol', () => {
  it('encodes a request as a fixed header (mode, limit in ms, body length) and the source as JSON', () => {
    const bytes = encodeRequest({ source: 'x = """é\nb"""\nx', mode: 'function' }, 1500);
    const header = bytes.subarray(0, 17).toString('ascii');
    const body = bytes.subarray(17);
    expect(header).toBe(`f000005dc${body.length.toString(16).padStart(8, '0')}`);
    expect(JSON.parse(body.toString('utf8'))).toBe('x = """é\nb"""\nx');
    expect(encodeRequest({ source: '', mode: 'repl' }, 0.2).subarray(0, 9).toString('ascii')).toBe('r00000001');
  });

  it('reads a hello and nothing else as one', () => {
    const hello = { type: 'hello', version: '3.15.0a2', bits: 32, executable: '/p', implementation: 'cpython', pid: 4, design: 'fork' };
    expect(parseHello(JSON.stringify(hello))).toEqual({ version: '3.15.0a2', bits: 32, executable: '/p', implementation: 'cpython', pid: 4, design: 'fork' });
    expect(parseHello(JSON.stringify({ ...hello, bits: 16 }))).toBeUndefined();
    expect(parseHello(JSON.stringify({ ...hello, type: 'hi' }))).toBeUndefined();
    expect(parseHello('Python 3.11.7')).toBeUndefined();
  });

  it('reads the lines of the results stream', () => {
    expect(parseResultLine('')).toEqual({ kind: 'blank' });
    expect(parseResultLine('"\'a\\nb\'"')).toEqual({ kind: 'observation', text: "'a\nb'" });
    expect(parseResultLine('.')).toEqual({ kind: 'end', status: 'ok' });
    expect(parseResultLine('L')).toEqual({ kind: 'end', status: 'too-much' });
    expect(parseResultLine('E"bad request: x"')).toEqual({ kind: 'end', status: 'error', detail: 'bad request: x' });
    expect(parseResultLine('@0000000b')).toEqual({ kind: 'exit', waitStatus: 11, retire: false });
    expect(parseResultLine('@00000300!')).toEqual({ kind: 'exit', waitStatus: 0x300, retire: true });
    expect(parsePidLine('00003039')).toBe(12345);
  });

  it.each([
    ['not JSON', '"unterminated'],
    ['an error line without its detail', 'E'],
    ['an exit record of the wrong width', '@123'],
    ['anything else', 'garbage out'],
  ])('rejects %s', (_what, line) => {
    expect(() => parseResultLine(line)).toThrow(ProtocolError);
  });

  it('rejects a pid record that is not eight hex digits', () => {
    expect(() => parsePidLine('12345')).toThrow(ProtocolError);
  });

  it('reads a wait status as POSIX encodes it', () => {
    expect(describeWaitStatus(0)).toEqual({ exitCode: 0 });
    expect(describeWaitStatus(3 << 8)).toEqual({ exitCode: 3 });
    expect(describeWaitStatus(9)).toEqual({ signal: 9 });
  });

  it('clips text to one short line', () => {
    expect(clip('a\n  b\tc')).toBe('a b c');
    expect(clip('x'.repeat(200), 10)).toBe('xxxxxxx...');
  });
});
