// The `cmm` command: picks the subcommand and turns every user error into one line and exit 2.
import { CaseFileError } from '../cases/case.ts';
import { oneLine, UsageError } from './errors.ts';
import { processIo, type Io } from './io.ts';
import { usage } from './usage.ts';

type Command = (args: readonly string[], io: Io) => Promise<number>;

// Each command is loaded when it is run: `cmm oracles` needs neither the model nor the generators.
const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).checkCommand,
  diff: async () => (await import('./diff.ts')).diffCommand,
  replay: async () => (await import('./replay.ts')).replayCommand,
  explain: async () => (await import('./explain.ts')).explainCommand,
  promote: async () => (await import('./promote.ts')).promoteCommand,
  predict: async () => (await import('./predict.ts')).predictCommand,
  run: async () => (await import('./run.ts')).runCommand,
  cases: async () => (await import('./cases.ts')).casesCommand,
  corpus: async () => (await import('./corpus.ts')).corpusCommand,
  oracles: async () => (await import('./oracles.ts')).oraclesCommand,
  rules: async () => (await import('./rules.ts')).rulesCommand,
};

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(usage.main);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage.main);
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (load === undefined) {
    io.err(`cmm: unknown command '${name}' (commands: ${Object.keys(commands).join(', ')}; see cmm --help)\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command(args, io);
  } catch (e) {
    // A malformed case file named on the command line is the user's input, not our bug: its
    // message already names the file, line and column.
    if (e instanceof UsageError || e instanceof CaseFileError) {
      io.err(`cmm: ${e.message}\n`);
      return 2;
    }
    // Anything else is a bug of ours; still one line, with a hint of where to look.
    io.err(`cmm: internal error in ${name}: ${e instanceof Error ? `${e.name}: ${oneLine(e)}` : String(e)}\n`);
    if (process.env.CMM_DEBUG && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return 3;
  }
}
