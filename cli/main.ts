// The `cmm` command: picks the subcommand and turns every user error into one line and exit 2.
import { casesCommand } from './cases.ts';
import { checkCommand } from './check.ts';
import { oneLine, UsageError } from './errors.ts';
import { processIo, type Io } from './io.ts';
import { predictCommand } from './predict.ts';
import { runCommand } from './run.ts';
import { usage } from './usage.ts';

type Command = (args: readonly string[], io: Io) => Promise<number>;

const commands: Record<string, Command> = {
  check: checkCommand,
  predict: predictCommand,
  run: runCommand,
  cases: casesCommand,
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
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    io.err(`cmm: unknown command '${name}' (commands: ${Object.keys(commands).join(', ')}; see cmm --help)\n`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cmm: ${e.message}\n`);
      return 2;
    }
    // Anything else is a bug of ours; still one line, with a hint of where to look.
    io.err(`cmm: internal error in ${name}: ${e instanceof Error ? `${e.name}: ${oneLine(e)}` : String(e)}\n`);
    if (process.env.CMM_DEBUG && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return 3;
  }
}
