// `cmm corpus`: the model against the recorded corpus (cases/corpus/recorded.json), no interpreter
// run; `cmm corpus --record` generates the programs (the campaign's generator, a fixed seed), runs
// them on every interpreter at hand and writes what each observed. The model plays no part in
// recording.
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderProgram } from '../language/render.ts';
import { ProfileError } from '../model/profile.ts';
import type { RunResult } from '../oracle/types.ts';
import { programArb } from '../properties/arbitraries/program.ts';
import { checkCorpusPrograms, describeCorpusFailure } from '../cases/corpus/check-corpus.ts';
import { describeDecline, newDeclines, readDeclines, writeDeclines } from '../cases/corpus/declines-file.ts';
import { changedExplanations, describeChangedExplanation, readExplanations, writeExplanations } from '../cases/corpus/explanations-file.ts';
import { CorpusFileError, loadPrograms, readCorpus, writeCorpus, type Corpus, type CorpusProgram, type RecordedInterpreter } from '../cases/corpus/corpus-file.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { ORACLE_OPTIONS, selectOracles, tryOracle, type Selection } from './oracle.ts';
import { integerOption, parseOptions, seedOption } from './options.ts';
import { usage } from './usage.ts';

export const DEFAULT_CORPUS = fileURLToPath(new URL('../cases/corpus/recorded.json', import.meta.url));
/** The declines allowed on a corpus: beside it, `declined.json` for `recorded.json`. */
export function declinesFileOf(corpusFile: string): string {
  const name = basename(corpusFile);
  return join(dirname(corpusFile), name === 'recorded.json' ? 'declined.json' : `${name.replace(/\.json$/, '')}.declined.json`);
}
/** The kept explanations of a corpus: beside it, `explained.json` for `recorded.json`. */
export function explanationsFileOf(corpusFile: string): string {
  const name = basename(corpusFile);
  return join(dirname(corpusFile), name === 'recorded.json' ? 'explained.json' : `${name.replace(/\.json$/, '')}.explained.json`);
}
const DEFAULT_RUNS = 5000;
const DEFAULT_SEED = 2026;
/** Programs per oracle call: one answer stays small, and a lost worker loses little. */
const CHUNK = 250;

export async function corpusCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...ORACLE_OPTIONS,
    record: { type: 'boolean' },
    'write-declines': { type: 'boolean' },
    runs: { type: 'string' },
    seed: { type: 'string' },
  });
  if (values.help === true) return io.out(usage.corpus), 0;
  if (positionals.length > 1) throw new UsageError(`corpus takes at most one FILE (got ${positionals.length})`);
  const file = positionals[0] ?? DEFAULT_CORPUS;
  if (values.record === true) {
    if (values['write-declines'] === true) throw new UsageError('--write-declines takes the model as it is: record first, then write the declines');
    const runs = integerOption(values, 'runs', DEFAULT_RUNS, 1)!;
    return record(file, runs, seedOption(values) ?? DEFAULT_SEED, await selectOracles(values, ['all']), io);
  }
  if (values.runs !== undefined || values.seed !== undefined || values.oracle !== undefined || values.python !== undefined) {
    throw new UsageError('--runs, --seed and --oracle choose what --record records; checking the corpus runs no interpreter');
  }
  return check(file, values['write-declines'] === true, io);
}

/** The model against the corpus; with `write`, the declines it makes become the allowed ones. */
function check(file: string, write: boolean, io: Io): number {
  try {
    const corpus = readCorpus(file);
    const programs = loadPrograms(corpus, file);
    const result = checkCorpusPrograms(programs, corpus.interpreters);
    const names = Object.keys(corpus.interpreters);
    io.out(`${corpus.programs.length} programs recorded on ${names.length} interpreters (${names.join(', ')})\n`);
    io.out(`observations: ${result.compared} compared, ${result.agreed} agreed, ${result.declined} declined, ${result.failures.length === 0 ? 'no divergence' : `${result.failures.length} programs diverge`}\n`);
    for (const f of result.failures.slice(0, 20)) io.out(`\n${describeCorpusFailure(f, file)}\n`);
    if (result.failures.length > 20) io.out(`\n... and ${result.failures.length - 20} more\n`);
    const declinesFile = declinesFileOf(file);
    const explanationsFile = explanationsFileOf(file);
    if (write) {
      writeDeclines(declinesFile, result.declines);
      io.out(`wrote the ${result.declines.length} declines the model makes to ${declinesFile}\n`);
      writeExplanations(explanationsFile, result.explanations);
      io.out(`wrote the model's explanations of the ${result.explanations.size} programs to ${explanationsFile}\n`);
      return result.failures.length === 0 ? 0 : 1;
    }
    let changed: number[] = [];
    if (existsSync(explanationsFile)) {
      changed = changedExplanations(result.explanations, readExplanations(explanationsFile, (message) => new CorpusFileError(message)));
      if (changed.length > 0) io.out(`\n${changed.length} programs the model explains differently from ${explanationsFile} (--write-declines keeps the new explanations):\n`);
      for (const i of changed.slice(0, 20)) io.out(`${describeChangedExplanation(i, programs[i]!.source)}\n`);
    }
    if (!existsSync(declinesFile)) return result.failures.length === 0 && changed.length === 0 ? 0 : 1;
    const lost = newDeclines(result.declines, readDeclines(declinesFile));
    if (lost.length > 0) io.out(`\n${lost.length} observations declined that ${declinesFile} does not allow (the model predicted them before):\n`);
    for (const d of lost.slice(0, 20)) io.out(`${describeDecline(d, programs[d.index]!.source)}\n`);
    return result.failures.length === 0 && lost.length === 0 && changed.length === 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof CorpusFileError || e instanceof ProfileError) throw new UsageError(e.message);
    throw e;
  }
}

async function record(file: string, runs: number, seed: number, selection: Selection, io: Io): Promise<number> {
  const programs = fc.sample(programArb(), { seed, numRuns: runs });
  const requests = programs.map((p) => ({ source: renderProgram(p), mode: p.mode }));
  const interpreters: Record<string, RecordedInterpreter> = {};
  const results = new Map<string, RunResult[]>();
  const problems: string[] = [];
  for (const entry of selection.entries) {
    const outcome = await tryOracle(entry, async (oracle, info) => {
      const answers: RunResult[] = [];
      for (let i = 0; i < requests.length; i += CHUNK) answers.push(...(await oracle.run(requests.slice(i, i + CHUNK))));
      return { info, answers };
    });
    if (!outcome.ok) {
      problems.push(`${entry.name}: could not start: ${outcome.error}`);
      continue;
    }
    const { info, answers } = outcome.value;
    interpreters[info.name] = { version: info.version, bits: info.bits, kind: info.kind };
    results.set(info.name, answers);
    const unfinished = answers.filter((a) => a.status !== 'ok').length;
    io.out(`${info.name} (CPython ${info.version}, ${info.bits}-bit): ${answers.length - unfinished} programs ran${unfinished > 0 ? `, ${unfinished} did not finish (left out)` : ''}\n`);
  }
  if (results.size === 0) {
    io.out(`nothing recorded${problems.length > 0 ? `:\n  ${problems.join('\n  ')}` : ''}\n`);
    return 1;
  }
  const recorded: CorpusProgram[] = [];
  requests.forEach((request, index) => {
    const observed = new Map<string, string[]>();
    for (const [name, answers] of results) {
      const answer = answers[index]!;
      if (answer.status !== 'ok') continue;
      const key = JSON.stringify(answer.observations);
      observed.set(key, [...(observed.get(key) ?? []), name]);
    }
    if (observed.size === 0) return;
    recorded.push({ ...request, observed: [...observed].map(([key, on]) => ({ on, observations: JSON.parse(key) as string[] })) });
  });
  const corpus: Corpus = { generator: { seed, runs }, interpreters, programs: recorded };
  writeCorpus(file, corpus);
  io.out(`wrote ${recorded.length} programs to ${file}\n`);
  if (problems.length > 0) io.out(`\nproblems:\n  ${problems.join('\n  ')}\n`);
  return problems.length > 0 ? 1 : 0;
}
