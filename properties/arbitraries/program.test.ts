// The generator's contract: programs survive a round trip through the parser, CPython's own
// compiler accepts every one of them, and every feature the conformance campaign needs appears.
import { fc, test } from '@fast-check/vitest';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { Program } from '../../language/ast.ts';
import { parseProgram } from '../../language/parse.ts';
import { renderProgram } from '../../language/render.ts';
import { FEATURES, featuresOf, type Feature } from '../features.ts';
import { programArb } from './program.ts';

describe('programArb', () => {
  test.prop([programArb()], { numRuns: 300 })('render(parse(render(p))) is render(p), and the mode is kept', (program) => {
    const text = renderProgram(program);
    const parsed = parseProgram(text, { mode: program.mode });
    expect(parsed.mode).toBe(program.mode);
    expect(renderProgram(parsed)).toBe(text);
  });

  test.prop([fc.constantFrom('module' as const, 'function' as const, 'repl' as const).chain((mode) => programArb({ mode }).map((p) => [mode, p] as const))], { numRuns: 30 })(
    'a mode asked for is the mode generated',
    ([mode, program]) => {
      expect(program.mode).toBe(mode);
    },
  );

  it('makes programs CPython compiles, in their mode (300 programs, one python3)', async () => {
    const seed = Date.now() | 0;
    const programs = fc.sample(programArb(), { numRuns: 300, seed }).map((p) => ({ mode: p.mode, source: renderProgram(p) }));
    const failures = await compileAll(programs);
    const shown = failures.slice(0, 3).map((f) => `${f.error}\n# mode: ${programs[f.index]!.mode}\n${programs[f.index]!.source}`);
    expect(shown, `seed ${seed}: ${failures.length} of 300 programs do not compile`).toEqual([]);
  });

  it('catches a program CPython rejects (the check itself can fail)', async () => {
    const failures = await compileAll([
      { mode: 'module', source: 'return 1\n' },
      { mode: 'function', source: 'return 1\n' },
      { mode: 'module', source: 'a = 1\na is 1\n' },
    ]);
    expect(failures.map((f) => f.index)).toEqual([0, 2]);
  });

  it('produces every statement, value and observation kind (500 programs, a fixed seed)', () => {
    const seen = new Map<Feature, number>();
    for (const p of fc.sample(programArb(), { numRuns: 500, seed: 20240601 })) {
      for (const f of featuresOf(p)) seen.set(f, (seen.get(f) ?? 0) + 1);
    }
    expect(FEATURES.filter((f) => !seen.has(f))).toEqual([]);
  });

  it('keeps programs small', () => {
    const sizes = fc.sample(programArb(), { numRuns: 200, seed: 7 }).map((p: Program) => p.body.length);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThanOrEqual(3);
    expect(mean).toBeLessThanOrEqual(15);
  });
});

interface Failure {
  index: number;
  error: string;
}

// Module mode compiles as a module, function mode as the body of a def (built with ast, so that
// no text is re-indented), repl mode statement by statement in 'single' mode as the prompt does.
// A SyntaxWarning (`is` with a literal, ...) counts as a failure: the case language has none.
const COMPILE_ALL = String.raw`
import ast, json, sys, warnings
warnings.simplefilter('error')
failures = []
for i, p in enumerate(json.load(sys.stdin)):
    try:
        if p['mode'] == 'module':
            compile(p['source'], '<p>', 'exec')
        elif p['mode'] == 'function':
            fn = ast.parse('def __case__():\n    pass\n').body[0]
            fn.body = ast.parse(p['source']).body or fn.body
            compile(ast.Module(body=[fn], type_ignores=[]), '<p>', 'exec')
        else:
            for stmt in ast.parse(p['source']).body:
                compile(ast.Interactive(body=[stmt]), '<p>', 'single')
    except Exception as e:
        failures.append({'index': i, 'error': type(e).__name__ + ': ' + str(e)})
json.dump(failures, sys.stdout)
`;

async function compileAll(programs: { mode: string; source: string }[]): Promise<Failure[]> {
  const { stdout } = await execa('python3', ['-c', COMPILE_ALL], { input: JSON.stringify(programs) });
  return JSON.parse(stdout) as Failure[];
}
