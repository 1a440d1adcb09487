import { expect, test } from 'vitest';
import { unreached, unreachedToText, type FileCoverage } from './unreached.ts';

const source = 'const a = 1;\nif (a > 0) f();\nelse g();\nreturn a ?? 2;\n';
const coverage: Record<string, FileCoverage> = {
  '/r/model/x.ts': {
    statementMap: { 0: { start: { line: 1 } }, 1: { start: { line: 3 } } },
    s: { 0: 4, 1: 0 },
    branchMap: {
      0: { type: 'if', locations: [{ start: { line: 2, column: 0 } }, { start: { line: 3, column: 0 } }] },
      1: { type: 'binary-expr', locations: [{ start: { line: 4, column: 7 } }, { start: { line: 4, column: 12 } }] },
      2: { type: 'if', locations: [{ start: {} }] },
    },
    b: { 0: [3, 0], 1: [2, 0], 2: [0] },
  },
  '/r/model/x.test.ts': { statementMap: { 0: { start: { line: 1 } } }, s: { 0: 0 }, branchMap: {}, b: {} },
};

test('lists each line holding a branch side or a statement no test ran, once, with its source', () => {
  const list = unreached(coverage, '/r', () => source);
  expect(list).toEqual([
    { file: 'model/x.ts', line: 3, kind: 'if', text: 'else g();' },
    { file: 'model/x.ts', line: 4, kind: 'binary-expr', text: 'return a ?? 2;' },
  ]);
  expect(unreachedToText(list)).toBe('model/x.ts:3 [if] else g();\nmodel/x.ts:4 [binary-expr] return a ?? 2;\n2 lines with a branch or statement no test reaches\n');
});

test('leaves out test files and branches V8 gives no location', () => {
  const list = unreached(coverage, '/r', () => source);
  expect(list.some((u) => u.file.endsWith('.test.ts'))).toBe(false);
  expect(list.every((u) => Number.isInteger(u.line))).toBe(true);
});
