// `npm run mutate:unreached`: the branches of model/ that none of the tests mutation testing runs
// reaches (vitest.mutate.config.ts: the unit tests, every case, the recorded corpus), read off a
// V8 coverage run of those tests. Every mutant on such a branch survives, so each line is either a
// program no case holds yet or code the case language cannot reach (a guard of the model's own
// consistency, a fallback that cannot fire): a cheaper list to work through than a Stryker run.
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The parts of an Istanbul coverage-final.json entry read here. */
export interface FileCoverage {
  statementMap: Record<string, { start: { line: number } }>;
  s: Record<string, number>;
  branchMap: Record<string, { type: string; locations: { start: { line?: number; column?: number } }[] }>;
  b: Record<string, number[]>;
}

export interface Unreached {
  file: string;
  line: number;
  kind: string;
  text: string;
}

/** Each branch side and statement no test ran, in file and line order, without repeats. */
export function unreached(coverage: Record<string, FileCoverage>, root: string, sourceOf: (file: string) => string): Unreached[] {
  const out = new Map<string, Unreached>();
  for (const [path, c] of Object.entries(coverage)) {
    if (path.endsWith('.test.ts')) continue;
    const file = relative(root, path);
    const lines = sourceOf(path).split('\n');
    const add = (line: number | undefined, kind: string): void => {
      // V8 reports some implicit branches (a function's fall-through) without a location.
      if (line === undefined) return;
      const key = `${file}:${line}`;
      if (!out.has(key)) out.set(key, { file, line, kind, text: (lines[line - 1] ?? '').trim() });
    };
    for (const [id, branch] of Object.entries(c.branchMap)) {
      branch.locations.forEach((loc, i) => {
        if (c.b[id]?.[i] === 0) add(loc.start.line, branch.type);
      });
    }
    for (const [id, st] of Object.entries(c.statementMap)) if (c.s[id] === 0) add(st.start.line, 'statement');
  }
  return [...out.values()].sort((x, y) => x.file.localeCompare(y.file) || x.line - y.line);
}

export function unreachedToText(list: readonly Unreached[]): string {
  return list.map((u) => `${u.file}:${u.line} [${u.kind}] ${u.text}`).join('\n') + `\n${list.length} lines with a branch or statement no test reaches\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = '.cmm/coverage';
  const run = await execa('npx', ['vitest', 'run', '--config', 'vitest.mutate.config.ts', '--reporter=dot', '--coverage.enabled', '--coverage.provider=v8',
    '--coverage.include=model/**', '--coverage.reporter=json', `--coverage.reportsDirectory=${dir}`], { reject: false, all: true });
  if (run.exitCode !== 0) {
    // Coverage of a failing run would list as unreached what a failing test stopped short of.
    process.stderr.write(`${run.all ?? ''}\nthe tests of vitest.mutate.config.ts fail: make them pass first\n`);
    process.exit(2);
  }
  const coverage = JSON.parse(readFileSync(`${dir}/coverage-final.json`, 'utf8')) as Record<string, FileCoverage>;
  process.stdout.write(unreachedToText(unreached(coverage, process.cwd(), (f) => readFileSync(f, 'utf8'))));
}
