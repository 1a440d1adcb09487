// The embedded oracle's wire format: what the child may say, and what the parent refuses.
import { describe, expect, it } from 'vitest';
import { endLine, failedLine, helloLine, parseChildLine, parseRequest, requestLine } from './pyodide-protocol.ts';
import { ProtocolError } from './worker-protocol.ts';

describe('child lines', () => {
  it('round-trip hello, failure and end messages', () => {
    const hello = { version: '3.15.0rc1', bits: 32 as const, implementation: 'cpython', pyodide: '315.0.0-alpha.2', pid: 7 };
    expect(parseChildLine(helloLine(hello).trimEnd())).toEqual({ kind: 'hello', hello: { type: 'hello', ...hello } });
    expect(parseChildLine(failedLine('no wasm').trimEnd())).toEqual({ kind: 'failed', detail: 'no wasm' });
    expect(parseChildLine(endLine({ status: 'ok' }, false).trimEnd())).toEqual({ kind: 'end', end: { status: 'ok' }, retire: false });
    expect(parseChildLine(endLine({ status: 'crash', detail: 'gone' }, true).trimEnd())).toEqual({
      kind: 'end',
      end: { status: 'crash', detail: 'gone' },
      retire: true,
    });
  });

  it('read an observation as the JSON string worker.py writes, lone surrogates included', () => {
    expect(parseChildLine('"a\\nb\\"\\ud800\\u00e9"')).toEqual({ kind: 'observation', text: 'a\nb"\ud800é' });
  });

  it.each(['', 'oops', '[1]', '{"type":"end","status":"crash"}', '{"type":"hello","version":"3.12.7","bits":16}', '{"type":"other"}'])(
    'refuse %j',
    (line) => {
      expect(() => parseChildLine(line)).toThrow(ProtocolError);
    },
  );
});

describe('requests', () => {
  it('are one line each, timeout in seconds', () => {
    const line = requestLine({ source: 'x = 1\nx', mode: 'repl' }, 2500).trimEnd();
    expect(parseRequest(line)).toEqual({ source: 'x = 1\nx', mode: 'repl', timeoutMs: 2500 });
  });

  it('name what is wrong with a bad one', () => {
    expect(() => parseRequest('{"source":1,"mode":"module","timeout":1}')).toThrow('source is not a string');
    expect(() => parseRequest('{"source":"","mode":"exec","timeout":1}')).toThrow('unknown mode "exec"');
    expect(() => parseRequest('{"source":"","mode":"module","timeout":0}')).toThrow('timeout must be a positive number of seconds');
  });
});
