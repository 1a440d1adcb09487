// `npm run bench [-- --seconds N] [--python NAME] [--embedded NAME] [--json]`: the throughput
// benchmark (not a test). Measured in one run on one machine, so that ratios compare like with
// like: programs per second end to end (`cmm check`'s campaign) with the harness's design and
// with the naive one (a new interpreter per program), for the native python3 and one embedded
// build; the cost of each part per program; peak memory; how long a divergence takes to shrink;
// and, for each design, whether it passes the isolation property. bench/RESULTS.md records a run.
// `--memory N [--memory-oracle fork|instant]` instead runs one campaign of N programs and reports
// this process's memory after each tenth of it.
import { parseArgs } from 'node:util';
import { renderProgram } from '../language/render.ts';
import { NativeOracle } from '../oracle/native.ts';
import { PyodideOracle, pyodideBuilds } from '../oracle/pyodide.ts';
import type { Oracle } from '../oracle/types.ts';
import { endToEnd, profileOfOracle, shrinkTime, type EndToEnd, type Shrink } from './campaigns.ts';
import { isolationEvidence, type IsolationEvidence } from './leaks.ts';
import { currentLoad, describeMachine, type Machine } from './machine.ts';
import { InstantOracle, memoryTrace } from './memory-campaign.ts';
import { NaiveEmbeddedOracle, NaiveNativeOracle } from './naive-oracle.ts';
import { measureParts, oracleCost, programs, type PartCosts } from './parts.ts';
import { formatReport } from './report.ts';

export interface DesignRun {
  kind: 'native' | 'embedded';
  label: string;
  run: EndToEnd;
  isolation: IsolationEvidence | null;
}

export interface BenchReport {
  machine: Machine;
  interpreters: { native: string; embedded: string | null };
  designs: DesignRun[];
  /** Harness design ÷ naive design, end to end, per kind. */
  ratios: { native: number; embedded: number | null };
  parts: { native: PartCosts; embedded: PartCosts | null };
  shrink: Shrink;
  /** Each installed embedded build's oracle alone (one child per core), programs per second. */
  embeddedOracles: { name: string; perSecond: number }[];
}

const SEED = 20_251_124;

async function withOracle<T>(oracle: Oracle, use: (oracle: Oracle) => Promise<T>): Promise<T> {
  try {
    return await use(oracle);
  } finally {
    await oracle.close();
  }
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '20' },
      python: { type: 'string', default: 'python3' },
      embedded: { type: 'string' },
      json: { type: 'boolean', default: false },
      memory: { type: 'string' },
      'memory-oracle': { type: 'string', default: 'fork' },
    },
  });
  if (values.memory !== undefined) {
    const oracle = values['memory-oracle'] === 'instant' ? new InstantOracle() : new NativeOracle({ python: values.python! });
    const trace = await withOracle(oracle, (o) => memoryTrace(o, Number(values.memory), SEED, log));
    process.stdout.write(`${JSON.stringify({ machine: describeMachine(), oracle: values['memory-oracle'], ...trace }, null, values.json ? 2 : undefined)}\n`);
    return;
  }
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) throw new Error(`--seconds expects a positive number, not '${values.seconds}'`);
  const python = values.python!;
  const installed = pyodideBuilds().filter((b) => b.installed);
  const embedded = values.embedded ?? (installed.find((b) => b.name === 'wasm-3.12') ?? installed.at(-1))?.name ?? null;
  const machine = describeMachine();
  const designs: DesignRun[] = [];
  const nativeOracle = (design: 'fork' | 'inprocess' = 'fork'): NativeOracle => new NativeOracle({ python, design });

  log(`native ${python}: per-part costs`);
  const nativeParts = await withOracle(nativeOracle(), async (oracle) => measureParts(oracle, await profileOfOracle(oracle), 2000, SEED, machine.cores));
  const nativeVersion = await withOracle(nativeOracle(), async (o) => (await o.info()).version);

  for (const design of ['fork', 'inprocess'] as const) {
    log(`native ${python}, ${design}: end to end for ${seconds} s`);
    const run = await withOracle(nativeOracle(design), (oracle) => endToEnd(oracle, { seconds }, SEED, machine.cores));
    log(`native ${python}, ${design}: isolation`);
    const isolation = await isolationEvidence(() => nativeOracle(design), design === 'fork' ? 30 : 10, SEED);
    designs.push({ kind: 'native', label: design === 'fork' ? 'harness' : 'in-process', run, isolation });
  }
  log(`native ${python}, naive: end to end for ${Math.min(seconds, 10)} s`);
  const naive = await withOracle(new NaiveNativeOracle(python), (oracle) => endToEnd(oracle, { seconds: Math.min(seconds, 10) }, SEED));
  designs.push({ kind: 'native', label: 'naive', run: naive, isolation: null });

  log(`native ${python}: shrinking a planted divergence`);
  const shrink = await withOracle(nativeOracle(), (oracle) => shrinkTime(oracle, SEED));

  let embeddedParts: PartCosts | null = null;
  if (embedded !== null) {
    const open = (): PyodideOracle => new PyodideOracle(embedded, { jobs: machine.cores });
    log(`${embedded}: per-part costs`);
    embeddedParts = await withOracle(open(), async (oracle) => measureParts(oracle, await profileOfOracle(oracle), 1000, SEED, machine.cores));
    log(`${embedded}: end to end for ${seconds} s`);
    const run = await withOracle(open(), (oracle) => endToEnd(oracle, { seconds }, SEED, machine.cores));
    log(`${embedded}: isolation`);
    const isolation = await isolationEvidence(() => new PyodideOracle(embedded), 2, SEED);
    designs.push({ kind: 'embedded', label: 'harness', run, isolation });
    log(`${embedded}, naive: 3 programs, a freshly loaded build each`);
    const slow = await withOracle(new NaiveEmbeddedOracle(embedded), (oracle) => endToEnd(oracle, { runs: 3 }, SEED));
    designs.push({ kind: 'embedded', label: 'naive', run: slow, isolation: null });
  }

  log('every embedded build: the oracle alone, programs/s');
  const embeddedOracles: { name: string; perSecond: number }[] = [];
  const sample = programs(1500, SEED).map((p) => ({ source: renderProgram(p), mode: p.mode }));
  for (const build of installed) {
    const cost = await withOracle(new PyodideOracle(build.name, { jobs: machine.cores }), (oracle) => oracleCost(oracle, sample, machine.cores));
    embeddedOracles.push({ name: build.name, perSecond: Math.round(1e6 / cost) });
  }

  const rate = (kind: 'native' | 'embedded', label: string): number | undefined => designs.find((d) => d.kind === kind && d.label === label)?.run.perSecond;
  const ratio = (kind: 'native' | 'embedded'): number | null => {
    const harness = rate(kind, 'harness');
    const slow = rate(kind, 'naive');
    return harness === undefined || slow === undefined || slow === 0 ? null : Number((harness / slow).toFixed(1));
  };
  machine.loadAfter = currentLoad();
  const report: BenchReport = {
    machine,
    interpreters: { native: `${python} (CPython ${nativeVersion})`, embedded },
    designs,
    ratios: { native: ratio('native') ?? 0, embedded: ratio('embedded') },
    parts: { native: nativeParts, embedded: embeddedParts },
    shrink,
    embeddedOracles,
  };
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
}

await main();
