// `cmm diff`: what changed between two CPythons, found by experiment. Generated programs run on
// both sides (two interpreters, or the model's profiles of two versions); every kind of
// difference is shrunk on its own and printed with what each side observed.
import { runDiff, type DiffGroup, type DiffResult } from '../properties/diff/run-diff.ts';
import { modelSide, oracleSide, type Side } from '../properties/diff/sides.ts';
import { shown } from '../properties/describe.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { ORACLE_OPTIONS, selectOracles, withOracle } from './oracle.ts';
import { CAMPAIGN_OPTIONS, campaignFlags } from './campaign-flags.ts';
import { formatKey, KeyError, parseKey, type GroupKey } from '../properties/groups/key.ts';
import { bitsOption, integerOption, parseOptions, profileOf, stringOption, stringsOption } from './options.ts';
import { progressLine } from './progress.ts';
import { usage } from './usage.ts';

export async function diffCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...ORACLE_OPTIONS,
    'python-version': { type: 'string', multiple: true },
    bits: { type: 'string' },
    ...CAMPAIGN_OPTIONS,
    groups: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help === true) return io.out(usage.diff), 0;
  if (positionals.length > 0) throw new UsageError(`diff takes no FILE arguments (got '${positionals[0]}')`);
  const versions = stringsOption(values, 'python-version');
  const oracles = [...stringsOption(values, 'oracle'), ...stringsOption(values, 'python')];
  if (versions.length > 0 && oracles.length > 0) throw new UsageError('diff compares two interpreters (--oracle A --oracle B) or two model profiles (--python-version X --python-version Y), not both');
  if (versions.length !== 2 && oracles.length !== 2) throw new UsageError('diff needs two sides: --oracle A --oracle B, or --python-version X --python-version Y');
  const { runs, timeLimitMs, seed, path, mode } = campaignFlags(values, 'a difference');
  const maxGroups = integerOption(values, 'groups', 8, 1);
  const only = onlyOption(stringOption(values, 'only'));
  const settings = { ...(only !== undefined ? { only } : {}), ...(runs !== undefined ? { runs } : {}), ...(timeLimitMs !== undefined ? { timeLimitMs } : {}), ...(seed !== undefined ? { seed } : {}), ...(path !== undefined ? { path } : {}), ...(mode !== undefined ? { mode } : {}), maxGroups };

  const compare = async (a: Side, b: Side, replay: string): Promise<number> => {
    const progress = progressLine(io, settings, `diff ${a.name} against ${b.name}`);
    let result: DiffResult;
    try {
      result = await runDiff({ a, b, ...settings, onProgress: (done) => progress.update(done) });
    } finally {
      progress.clear();
    }
    io.out(values.json === true ? `${JSON.stringify(diffToJson(result, a, b, replay), null, 2)}\n` : formatDiff(result, a, b, replay));
    return result.groups.length === 0 ? 0 : 1;
  };

  if (versions.length === 2) {
    const bits = bitsOption(values);
    const [x, y] = versions as [string, string];
    const sides = [modelSide(profileOf(x, bits), x), modelSide(profileOf(y, bits), y)] as const;
    return compare(sides[0], sides[1], `cmm diff --python-version ${x} --python-version ${y}${bits === 32 ? ' --bits 32' : ''}`);
  }
  const selection = await selectOracles(values);
  if (selection.entries.length !== 2) throw new UsageError(`diff needs exactly two interpreters; --oracle ${oracles.join(', ')} names ${selection.entries.length}`);
  const [ea, eb] = selection.entries as [typeof selection.entries[0], typeof selection.entries[0]];
  return withOracle(ea, (oa, ia) => withOracle(eb, (ob, ib) => compare(oracleSide(oa, ia.name, ia.version), oracleSide(ob, ib.name, ib.version), `cmm diff --oracle ${ia.name} --oracle ${ib.name}`)));
}

function onlyOption(text: string | undefined): GroupKey | undefined {
  if (text === undefined) return undefined;
  try {
    return { kind: parseKey(text).kind };
  } catch (e) {
    if (e instanceof KeyError) throw new UsageError(`--only: ${e.message}`);
    throw e;
  }
}

/** The command that replays one reported difference exactly: its seed, its path and its kind. */
function replayOf(replay: string, seed: number, g: DiffGroup): string {
  return `${replay} --seed ${seed} --path "${g.failure.path}" --only "${formatKey({ kind: g.focus })}"`;
}

function formatDiff(result: DiffResult, a: Side, b: Side, replay: string): string {
  const t = result.totals;
  const flaky = result.flaky.length > 0 ? `, ${result.flaky.length} flaky` : '';
  const out = [
    `${result.groups.length === 0 ? 'no difference' : `${result.groups.length} kind${result.groups.length === 1 ? '' : 's'} of difference`}${flaky} · ${a.label} against ${b.label} · seed ${result.seed}`,
    `last campaign: ${t.programs} programs, ${t.compared} observations, ${t.declined} declined; ${(result.elapsedMs / 1000).toFixed(1)} s in all`,
  ];
  const titled = [...result.groups.map((g, i) => [`── ${i + 1}. ${g.kind} ──`, g] as const), ...result.flaky.map((g, i) => [`── flaky ${i + 1}. ${g.kind} ──`, g] as const)];
  for (const [title, g] of titled) {
    const c = g.failure.counterexample;
    out.push('', title);
    if (!c.reproduced) out.push('FLAKY: running the shrunk program once more did not differ the same way');
    for (const d of c.divergences) {
      const where = d.line === null ? '' : ` (line ${d.line}: ${d.statement})`;
      out.push(`observation ${d.position + 1}${where}: ${a.name} ${shown(d.cpython)}, ${b.name} ${shown(d.model)}`);
    }
    out.push(`${a.name}: [${c.observed.join(', ')}]`, `${b.name}: [${c.predicted.map((p) => (p === null ? '?' : p)).join(', ')}]`);
    out.push('', `# mode: ${c.mode}`, c.source.trimEnd(), '', `replay: ${replayOf(replay, result.seed, g)}`);
  }
  return `${out.join('\n')}\n`;
}

function diffToJson(result: DiffResult, a: Side, b: Side, replay: string): unknown {
  const group = (g: DiffGroup) => ({
    kind: g.kind,
    path: g.failure.path,
    mode: g.failure.counterexample.mode,
    source: g.failure.counterexample.source,
    [a.name]: g.failure.counterexample.observed,
    [b.name]: g.failure.counterexample.predicted,
    reproduced: g.failure.counterexample.reproduced,
    replay: replayOf(replay, result.seed, g),
  });
  return { seed: result.seed, sides: [a.label, b.label], groups: result.groups.map(group), flaky: result.flaky.map(group), totals: result.totals };
}
