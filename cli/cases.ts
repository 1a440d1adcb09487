// `cmm cases`: every YAML case against the model (with the profile of the interpreter at hand) and
// against that interpreter itself, as a table, then the details of each failure.
import { fileURLToPath } from 'node:url';
import { checkAgainstModel, checkAgainstOracle, describeDivergence, type ModelCheck, type OracleCheck } from '../cases/check.ts';
import { loadCases, type Case } from '../cases/load.ts';
import type { Profile } from '../model/profile.ts';
import type { InterpreterInfo, Oracle } from '../oracle/types.ts';
import { oneLine } from './errors.ts';
import type { Io } from './io.ts';
import { withOracle } from './oracle.ts';
import { parseOptions, profileOf, stringOption } from './options.ts';
import { formatTable } from './table.ts';
import { usage } from './usage.ts';

/** The project's own cases, found from this file rather than the working directory. */
export const DEFAULT_CASES_DIR = fileURLToPath(new URL('../cases/', import.meta.url));

interface Row {
  cells: string[];
  failed: boolean;
  details: string[];
}

export async function casesCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { python: { type: 'string' } });
  if (values.help === true) return io.out(usage.cases), 0;
  const { cases, errors } = loadCases(positionals.length > 0 ? positionals : [DEFAULT_CASES_DIR]);

  const rows = await withOracle(stringOption(values, 'python') ?? 'python3', async (oracle, info) => {
    const profile = profileOf(info.version, info.bits);
    const out: Row[] = [];
    for (const c of cases) out.push(await checkCase(c, profile, oracle, info));
    return out;
  });

  if (rows.length > 0) io.out(formatTable(['case', 'mode', 'model', 'cpython'], rows.map((r) => r.cells)));
  const details = rows.flatMap((r) => r.details);
  if (details.length > 0) io.out(`\n${details.join('\n')}\n`);
  if (errors.length > 0) io.out(`\nbad case files:\n${errors.map((e) => `  ${e.message}`).join('\n')}\n`);
  const failures = rows.filter((r) => r.failed).length;
  io.out(`\n${rows.length} case${rows.length === 1 ? '' : 's'}, ${failures} failing, ${errors.length} bad file${errors.length === 1 ? '' : 's'}\n`);
  return failures > 0 || errors.length > 0 ? 1 : 0;
}

async function checkCase(c: Case, profile: Profile, oracle: Oracle, info: InterpreterInfo): Promise<Row> {
  const details: string[] = [];
  let modelCell: string;
  let failed = false;
  try {
    const m = checkAgainstModel(c, profile);
    modelCell = modelVerdict(m, info);
    if (m.divergences.length > 0) {
      failed = true;
      details.push(...m.divergences.map((d) => describeDivergence(c, d, 'the model predicts')));
    }
  } catch (e) {
    // A model bug on one case is that case's failure, not the end of the table.
    modelCell = 'MODEL ERROR';
    failed = true;
    details.push(`${c.file}: the model failed: ${oneLine(e)}`);
  }
  const o = await checkAgainstOracle(c, oracle, info);
  const oracleCell = oracleVerdict(o);
  if (o.kind === 'disagree') details.push(...o.divergences.map((d) => describeDivergence(c, d, `CPython ${info.version} observed`)));
  if (o.kind === 'run-failed') details.push(`${c.file}: CPython ${info.version} did not finish the program: ${o.status}: ${o.detail}`);
  if (o.kind === 'disagree' || o.kind === 'run-failed') failed = true;
  return { cells: [c.name, c.mode, modelCell, oracleCell], failed, details };
}

function modelVerdict(m: ModelCheck, info: InterpreterInfo): string {
  if (m.expectation === undefined) return `no expectation for ${info.version}`;
  if (m.divergences.length > 0) return `DIVERGE (${m.divergences.length})`;
  return `${m.agreed} agree, ${m.declined} declined`;
}

function oracleVerdict(o: OracleCheck): string {
  switch (o.kind) {
    case 'agree':
      return 'pass';
    case 'disagree':
      return `FAIL (${o.divergences.length})`;
    case 'no-expectation':
      return `no expectation for ${o.info.version}`;
    case 'run-failed':
      return `FAIL (${o.status})`;
  }
}
