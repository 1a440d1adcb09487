// `cmm check`'s report in its three formats, from a grouped campaign against the model playing
// CPython with a bug planted in the predictor (every absolute reference count one too many), no
// interpreter needed: the groups, replay commands and saved files; the same seed gives the same
// bytes; times only when asked for.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Program } from '../language/ast.ts';
import { predictDetailed } from '../model/predict.ts';
import { profileFor } from '../model/profile.ts';
import type { Predictor } from '../properties/checkProgram.ts';
import { observationStatements } from '../properties/diff/kinds.ts';
import { modelOracle } from '../properties/quality/model-oracle.ts';
import { checkOn } from './check-one.ts';
import type { CheckReport } from './check-report.ts';
import type { Io } from './io.ts';
import { formatJson } from './report-json.ts';
import { code, fenced, formatMarkdown } from './report-markdown.ts';
import { formatText } from './report-text.ts';
import { cmm } from './spawn-cmm.ts';

const quiet: Io = { out: () => {}, err: () => {}, errIsTTY: false };
const profile = profileFor('3.11.7', 64, 'native');

/** The model, one more for every `sys.getrefcount(name)`. */
const countsOneMore: Predictor = (program: Program, p) => {
  const prediction = predictDetailed(program, p);
  const statements = observationStatements(program);
  const observations = prediction.observations.map((o, i) => (o !== null && /^sys\.getrefcount\(\w+\)$/.test(statements[i] ?? '') ? String(Number(o) + 1) : o));
  return { ...prediction, observations };
};

async function report(timings = false): Promise<{ report: CheckReport; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cmm-report-'));
  const { oracle, predict } = modelOracle(profile, countsOneMore);
  const info = await oracle.info();
  const ir = await checkOn(oracle, info, profile, { seed: 2, runs: 300, pythonVersion: '3.11' }, quiet, { dir, predict });
  return { dir, report: { seed: 2, pythonVersion: '3.11', shard: null, path: null, several: false, interpreters: [ir], timings } };
}

describe('the check report', () => {
  it('is the same, byte for byte, for the same seed, in every format; times only with --timings', async () => {
    const [a, b] = [await report(), await report()];
    for (const format of [formatText, formatMarkdown, formatJson]) expect(format(a.report)).toBe(format(b.report));
    expect(formatText(a.report)).not.toMatch(/^time:/m);
    expect(formatJson(a.report)).not.toContain('"timings"');
    const timed = { ...a.report, timings: true };
    expect(formatText(timed)).toMatch(/^time: \d+\.\d s, \d+ programs\/s/m);
    expect(JSON.parse(formatJson(timed)).timings.elapsedMs).toEqual(expect.any(Number));
  }, 60_000);

  it('as text: the summary, then each group shrunk with its replay command and its file', async () => {
    const { report: r, dir } = await report();
    const ir = r.interpreters[0]!;
    expect(ir.groups.length).toBeGreaterThan(0);
    const text = formatText(r);
    expect(text).toMatch(/^interpreter: model, CPython 3\.11\.7, 64-bit\nmodel: the profile of CPython 3\.11 \(--python-version\), not the interpreter's own\nDIVERGENCE · CPython 3\.11\.7 \(64-bit\) \(model\) · \d+ programs · seed 2\n/);
    expect(text).toMatch(new RegExp(`^groups: ${ir.groups.length} divergences?, 0 flaky; the campaign ran ${ir.result!.campaigns} times`, 'm'));
    ir.groups.forEach((g, i) => {
      expect(text).toContain(`── ${i + 1}. ${g.key.kind}`);
      expect(text).toContain(`replay: cmm check --oracle model --python-version 3.11 --seed 2 --path "${g.failure.path}" --only "`);
      expect(text).toContain(g.failure.counterexample.source.trimEnd());
      expect(text).toContain(`written to ${g.file}`);
    });
    // One failure file per group.
    expect(readdirSync(join(dir, '.cmm', 'failures'))).toHaveLength(ir.groups.length);
  }, 60_000);

  it('as Markdown: a summary table, a section per group with its program, observations and rules', async () => {
    const { report: r } = await report();
    const md = formatMarkdown(r);
    const ir = r.interpreters[0]!;
    expect(md).toMatch(new RegExp(`^## cmm check: DIVERGENCE: ${ir.groups.length} groups?\\n\\nSeed \`2\` · the model of CPython 3\\.11`));
    expect(md).toContain('| interpreter | CPython | bits | model | programs | compared | agreed | declined | divergences | flaky |');
    expect(md).toMatch(new RegExp(`^\\| \`model\` \\| 3\\.11\\.7 \\| 64 \\| 3\\.11\\.7 \\| \\d+ \\| \\d+ \\| \\d+ \\| [\\d.]+% \\| ${ir.groups.length} \\| 0 \\|$`, 'm'));
    ir.groups.forEach((g, i) => {
      const c = g.failure.counterexample;
      expect(md).toContain(`### ${i + 1}. ${g.key.kind}`);
      expect(md).toContain(`\`\`\`python\n# mode: ${c.mode}\n${c.source}\`\`\``);
      const d = c.divergences[0]!;
      expect(md).toContain(`| ${d.position + 1} |`);
      for (const rule of d.rules) expect(md).toContain(`\`${rule}\``);
      expect(md).toContain(`Replay: \`${g.replay}\``);
    });
  }, 60_000);

  it('as JSON: every group with its key, replay and file; `failure` is the first', async () => {
    const { report: r } = await report();
    const json = JSON.parse(formatJson(r));
    const ir = r.interpreters[0]!;
    expect(json.groups).toHaveLength(ir.groups.length);
    expect(json.flaky).toEqual([]);
    expect(json.failure).toEqual(json.groups[0]);
    expect(json.groups[0]).toMatchObject({ kind: 'divergence', seed: 2, reproduced: true, replay: ir.groups[0]!.replay, file: ir.groups[0]!.file });
    expect(json.groups[0].group.kind).toBe(ir.groups[0]!.key.kind);
    expect(json.campaigns).toBe(ir.groups.length + 1);
  }, 60_000);
});

describe('cmm check, run twice with the same seed', () => {
  it('prints the same report byte for byte in every format, and saves the same files', async () => {
    // The model of 3.12 against this python3: immortal objects make groups of divergences.
    const args = ['check', '--python-version', '3.12', '--runs', '120', '--seed', '7', '--jobs', '1'];
    for (const format of ['text', 'markdown', 'json']) {
      const [a, b] = [mkdtempSync(join(tmpdir(), 'cmm-same-')), mkdtempSync(join(tmpdir(), 'cmm-same-'))];
      const [ra, rb] = [await cmm([...args, '--format', format], a), await cmm([...args, '--format', format], b)];
      expect(ra.stderr).toBe('');
      expect(ra.stdout).toBe(rb.stdout);
      expect(ra.exitCode).toBe(rb.exitCode);
      if (ra.exitCode === 1) expect(readdirSync(join(a, '.cmm', 'failures'))).toEqual(readdirSync(join(b, '.cmm', 'failures')));
    }
  }, 180_000);
});

describe('Markdown quoting', () => {
  it('keeps backticks and table pipes inside a code span', () => {
    expect(code('a | b')).toBe('`a \\| b`');
    expect(code('x`y')).toBe('``x`y``');
    expect(code('`x')).toBe('`` `x ``');
  });

  it('fences a block longer than any backticks in it', () => {
    expect(fenced('python', "a = '```'\n")).toBe("````python\na = '```'\n````");
  });
});
