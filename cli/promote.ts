// `cmm promote FILE`: a saved divergence becomes a case of the project. The case file is copied
// under cases/ (without the comments about how it was found) and its expectations are recorded
// on every interpreter present, as `cmm cases --record` does; its claim and description are the
// failure's own until someone explains the rule.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { loadCases } from '../cases/load.ts';
import { DEFAULT_CASES_DIR } from './cases.ts';
import { recordCases } from './cases-record.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { ORACLE_OPTIONS, selectOracles } from './oracle.ts';
import { parseOptions, requireFiles, stringOption } from './options.ts';
import { usage } from './usage.ts';

export async function promoteCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { ...ORACLE_OPTIONS, to: { type: 'string' } });
  if (values.help === true) return io.out(usage.promote), 0;
  requireFiles(positionals, 'promote');
  const folder = stringOption(values, 'to') ?? join(DEFAULT_CASES_DIR, 'divergences');
  // Every file is checked (a case file, in the case language) before anything is written.
  const { cases, errors } = loadCases(positionals);
  if (errors.length > 0) throw new UsageError(errors[0]!.message);
  mkdirSync(folder, { recursive: true });
  const promoted: string[] = [];
  for (const c of cases) {
    const target = join(folder, `${c.name}.yaml`);
    if (existsSync(target)) throw new UsageError(`${target} exists already: rename the case (its name: key and the file) first`);
    const text = readFileSync(c.file, 'utf8');
    // The comments about how it was found go; the schema line points at the case schema again.
    const body = text.split('\n').filter((line) => !line.startsWith('#')).join('\n').replace(/^\n+/, '');
    const schema = relative(folder, join(DEFAULT_CASES_DIR, 'case.schema.json'));
    writeFileSync(target, `# yaml-language-server: $schema=${schema}\n${body}`);
    promoted.push(target);
    io.out(`${basename(c.file)} -> ${relative(process.cwd(), target)}\n`);
  }
  const loaded = loadCases(promoted);
  const selection = await selectOracles(values, ['all']);
  const status = await recordCases(loaded.cases, loaded.errors, selection, io);
  io.out('edit each promoted case: its name, claim, source_of_claim and description say what it settles\n');
  return status;
}
