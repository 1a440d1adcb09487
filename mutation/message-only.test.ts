import { expect, test } from 'vitest';
import { changesOnlyAMessage, messageSpans } from './message-only.ts';

// Stryker's columns are 1-based: index i of the line is column i + 1.
const span = (line: number, from: number, to: number) => ({ start: { line, column: from + 1 }, end: { line, column: to + 1 } });

test("the message of each raise on a line is found, past the type and up to the call's parenthesis", () => {
  const line = "if (k < 0n) throw new PyException('IndexError', `${what} index (out) of range`);";
  const [[from, to]] = messageSpans(line) as [[number, number]];
  expect(line.slice(from, to).trim()).toBe('`${what} index (out) of range`');
  expect(messageSpans("f(a, b); throw new PyException('TypeError', 'x, y') && new PyException('ValueError', g(1, 2))")
    .map(([a, b]) => "f(a, b); throw new PyException('TypeError', 'x, y') && new PyException('ValueError', g(1, 2))".slice(a, b).trim())).toEqual(["'x, y'", 'g(1, 2)']);
  expect(messageSpans('giveUp(`the method ${name}`);')).toEqual([]);
});

test('a mutant inside the message changes only it; one on the condition, the type or another line does not', () => {
  const source = "x\nif (k < 0n) throw new PyException('IndexError', `${what} index out of range`);\n";
  const line = source.split('\n')[1]!;
  const msg = line.indexOf('`');
  expect(changesOnlyAMessage(source, span(2, msg, line.lastIndexOf('`') + 1))).toBe(true);
  expect(changesOnlyAMessage(source, span(2, line.indexOf('k < 0n'), line.indexOf('k < 0n') + 6))).toBe(false);
  expect(changesOnlyAMessage(source, span(2, line.indexOf("'IndexError'"), line.indexOf("'IndexError'") + 12))).toBe(false);
  expect(changesOnlyAMessage(source, { start: { line: 2, column: msg + 1 }, end: { line: 3, column: 1 } })).toBe(false);
  expect(changesOnlyAMessage(source, span(1, 0, 1))).toBe(false);
});
