import { expect, test } from 'vitest';
import { summarize, summaryToMarkdown, type MutationReport, type ReportMutant } from './summarize.ts';

const at = (line: number): ReportMutant['location'] => ({ start: { line, column: 1 }, end: { line, column: 5 } });
const report: MutationReport = {
  files: {
    'model/b.ts': {
      source: 'x\nif (a > 1) f();\n',
      mutants: [
        { id: '1', mutatorName: 'EqualityOperator', replacement: 'a >= 1', status: 'Survived', location: at(2) },
        { id: '2', mutatorName: 'BooleanLiteral', status: 'Killed', location: at(1) },
        { id: '3', mutatorName: 'BlockStatement', replacement: '{}', status: 'NoCoverage', location: at(2) },
        { id: '4', mutatorName: 'StringLiteral', status: 'CompileError', location: at(1) },
      ],
    },
    'model/a.ts': { source: 'y\n', mutants: [{ id: '5', mutatorName: 'ArithmeticOperator', status: 'Timeout', location: at(1) }] },
  },
};

test('timeouts count as detected, no coverage against; invalid mutants are left out of the score', () => {
  const s = summarize(report);
  expect(s.files.map((f) => [f.file, f.score])).toEqual([
    ['model/a.ts', 100],
    ['model/b.ts', (100 * 1) / 3],
  ]);
  expect(s.total).toMatchObject({ killed: 1, timeout: 1, survived: 1, noCoverage: 1, invalid: 1, score: 50 });
});

test('each survivor names its file, line, mutator, the original line and the replacement', () => {
  const s = summarize(report);
  expect(s.survivors).toEqual([
    { file: 'model/b.ts', line: 2, mutator: 'EqualityOperator', replacement: 'a >= 1', original: 'if (a > 1) f();', status: 'Survived', messageOnly: false },
    { file: 'model/b.ts', line: 2, mutator: 'BlockStatement', replacement: '{}', original: 'if (a > 1) f();', status: 'NoCoverage', messageOnly: false },
  ]);
  const md = summaryToMarkdown(s);
  expect(md).toContain('| **all files** | 50.0% | 1 | 1 | 1 | 1 |');
  expect(md).toContain('- `model/b.ts:2` EqualityOperator: `if (a > 1) f();` → `a >= 1`');
  expect(md).toContain('(no test reaches it)');
});

test("mutants inside an exception's message count in the score and are left out of the second one", () => {
  const line = "if (k < 0) throw new PyException('IndexError', 'index out of range');";
  const msg = { start: { line: 1, column: line.indexOf("'index") + 1 }, end: { line: 1, column: line.lastIndexOf("'") + 2 } };
  const cond = { start: { line: 1, column: 5 }, end: { line: 1, column: 10 } };
  const s = summarize({
    files: {
      'model/c.ts': {
        source: `${line}\n`,
        mutants: [
          { id: '1', mutatorName: 'StringLiteral', replacement: '""', status: 'Survived', location: msg },
          { id: '2', mutatorName: 'StringLiteral', replacement: '""', status: 'Killed', location: msg },
          { id: '3', mutatorName: 'EqualityOperator', replacement: 'k <= 0', status: 'Survived', location: cond },
          { id: '4', mutatorName: 'ConditionalExpression', replacement: 'false', status: 'Killed', location: cond },
        ],
      },
    },
  });
  expect(s.total.score).toBe(50);
  expect(s.withoutMessages).toEqual({ excluded: 2, score: 50 });
  expect(s.survivors.map((v) => v.messageOnly)).toEqual([true, false]);
  const md = summaryToMarkdown(s);
  expect(md).toContain('Without the 2 mutants that change only the message of an exception');
  expect(md).toContain('StringLiteral (message only)');
});
