// The generator's contract: programs survive a round trip through the parser, CPython's own
// compiler accepts every one of them, and every feature the conformance campaign needs appears.
import { fc, test } from '@fast-check/vitest';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { Program } from '../../language/ast.ts';
import { parseProgram } from '../../language/parse.ts';
import { renderProgram } from '../../language/render.ts';
import { FEATURES, featuresOf, type Feature } from '../features.ts';
import { ALSO_MADE_BY, EXTENSION_FEATURES, extensionFeaturesOf, MADE_BY_NEW, type ExtensionFeature } from './extensionFeatures.ts';
import { DEFAULT_EXTENSIONS, EXTENSIONS, MODEL_GAPS, REFINES, type Extension } from './extensions.ts';
import { programArb } from './program.ts';

/** Every extension on, whatever the default: what is generated only on request must be valid too. */
const everything = () => programArb({ extensions: EXTENSIONS });

type AnyFeature = Feature | ExtensionFeature;

/** Features only an extension makes: off, they never appear; on, they do. */
const MADE_BY_CORE: Partial<Record<Extension, Feature[]>> = {
  sets: ['set display', 'empty set', 'frozenset', 'set.add', 'set.discard'],
  slices: ['slice', 'observe slice', 'observe slice is'],
  comparisons: ['observe !=', 'observe <', 'observe in', 'observe not in', 'observe comparison chain'],
  scopes: ['global', 'nested def'],
  classes: ['class with __slots__', 'class attribute', 'method', 'bound method in a name', 'augmented attribute'],
  fstrings: ['f-string with !r', 'f-string with several fields'],
  'fstring-s': ['f-string with !s'],
  'aug-items': ['augmented subscript'],
  'dict-methods': ['dict.get', 'dict.setdefault', 'dict.pop', 'dict.update'],
  'list-methods': ['list.insert', 'list.extend', 'list.remove', 'list.reverse', 'list.pop', 'list.index', 'observe list.count'],
  'str-methods': ['str.lower', 'str.strip', 'str.replace', 'str.split', 'observe str.startswith', 'observe str.find'],
  builtins: ['tuple()', 'list()', 'observe repr', 'observe bool'],
  endings: ['ending: missing key', 'ending: index out of range', 'ending: unbound name', 'ending: wrong arity', 'ending: division by zero'],
  underscore: ['x = _', 'observe _ is'],
  'reverse-slices': ['reverse slice'],
  'empty-frozenset': ['empty frozenset'],
  'underscore-refcount': ['observe sys.getrefcount(_)'],
};

const MADE_BY: Record<Extension, readonly AnyFeature[]> = Object.fromEntries(
  EXTENSIONS.map((e) => [e, [...(MADE_BY_CORE[e] ?? []), ...(MADE_BY_NEW[e] ?? [])]]),
) as unknown as Record<Extension, readonly AnyFeature[]>;

function featureCounts(arb: ReturnType<typeof programArb>, numRuns: number, seed: number): Map<AnyFeature, number> {
  const seen = new Map<AnyFeature, number>();
  for (const p of fc.sample(arb, { numRuns, seed })) {
    for (const f of [...featuresOf(p), ...extensionFeaturesOf(p)]) seen.set(f, (seen.get(f) ?? 0) + 1);
  }
  return seen;
}

describe('programArb', () => {
  test.prop([everything()], { numRuns: 300 })('render(parse(render(p))) is render(p), and the mode is kept', (program) => {
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

  it('makes programs CPython compiles, in their mode (300 programs, every extension, one python3)', async () => {
    const seed = Date.now() | 0;
    const programs = fc.sample(everything(), { numRuns: 300, seed }).map((p) => ({ mode: p.mode, source: renderProgram(p) }));
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

  // With every extension on, the rarest features come about once in 2000 programs.
  it('produces every statement, value and observation kind (6000 programs, every extension, a fixed seed)', () => {
    const seen = featureCounts(everything(), 6000, 20240601);
    expect([...FEATURES, ...(Object.keys(EXTENSION_FEATURES) as ExtensionFeature[])].filter((f) => !seen.has(f))).toEqual([]);
  });

  it('makes what an extension makes only with that extension on (600 programs each way)', () => {
    const missing: string[] = [];
    const stray: string[] = [];
    for (const ext of EXTENSIONS) {
      const base = REFINES[ext];
      const alone = base === undefined ? [ext] : [ext, base];
      const repl = ext === 'underscore' || base === 'underscore';
      const on = featureCounts(programArb({ extensions: alone, ...(repl ? { mode: 'repl' as const } : {}) }), 600, 11);
      const others = ALSO_MADE_BY[ext] ?? [];
      const off = featureCounts(programArb({ extensions: EXTENSIONS.filter((e) => e !== ext && !others.includes(e)) }), 600, 12);
      for (const f of MADE_BY[ext]) {
        if (!on.has(f)) missing.push(`${ext}: ${f}`);
        if (off.has(f)) stray.push(`${ext}: ${f}`);
      }
    }
    expect({ missing, stray }).toEqual({ missing: [], stray: [] });
  });

  it('by default generates every extension but those that find a gap in the model (600 programs)', () => {
    expect(DEFAULT_EXTENSIONS.filter((e) => MODEL_GAPS.includes(e))).toEqual([]);
    expect(EXTENSIONS.filter((e) => !DEFAULT_EXTENSIONS.includes(e) && !MODEL_GAPS.includes(e))).toEqual([]);
    const seen = featureCounts(programArb(), 600, 13);
    // A gap's features may still come from another extension that makes them too (ALSO_MADE_BY).
    const alone = MODEL_GAPS.filter((e) => !(ALSO_MADE_BY[e] ?? []).some((o) => DEFAULT_EXTENSIONS.includes(o)));
    expect(alone.flatMap((e) => MADE_BY[e]).filter((f) => seen.has(f))).toEqual([]);
  });

  it('keeps each extension from crowding out the core (1000 programs, every extension)', () => {
    const all = featureCounts(everything(), 1000, 5);
    const core = featureCounts(programArb({ extensions: [] }), 1000, 5);
    // The core's own features stay at least half as frequent with every extension on.
    const crowded = ['observe sys.getrefcount', 'observe gc.collect()', 'weakref.ref', 'cycle between two instances', 'observe is', 'instance', 'del name']
      .filter((f) => (all.get(f as Feature) ?? 0) < (core.get(f as Feature) ?? 0) / 2);
    expect(crowded).toEqual([]);
  });

  it('makes a focused extension’s constructs far more common (600 programs each way)', () => {
    for (const ext of ['gc-generations', 'function-bodies', 'slice-forms'] as const) {
      const withIt = [...DEFAULT_EXTENSIONS.filter((e) => !MADE_BY_NEW[e]), ext];
      const share = (focus: Extension[]) => {
        const programs = fc.sample(programArb({ extensions: withIt, focus }), { numRuns: 600, seed: 17 });
        return programs.filter((p) => MADE_BY_NEW[ext]!.some((f) => extensionFeaturesOf(p).has(f))).length / programs.length;
      };
      const [plain, focused] = [share([]), share([ext])];
      expect(focused, `${ext}: ${plain} → ${focused}`).toBeGreaterThan(Math.min(0.9, 2 * plain));
    }
  });

  it('builds a program from every plan, whichever extension is focused (300 plans each, no CPython)', () => {
    const failures: string[] = [];
    for (const ext of EXTENSIONS) {
      try {
        fc.sample(programArb({ extensions: EXTENSIONS, focus: [ext] }), { numRuns: 300, seed: 29 });
      } catch (e) {
        failures.push(`${ext}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps programs small', () => {
    const sizes = fc.sample(everything(), { numRuns: 200, seed: 7 }).map((p: Program) => p.body.length);
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
