// `cmm rules`: every rule of the model — what CPython does, on which versions, from which source,
// in which file of the model. `--markdown` for a document; `--readme FILE` rewrites the table in
// FILE between its markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesMarkdown, rulesText, withRulesTable } from '../model/rules-table.ts';
import { UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { parseOptions, stringOption } from './options.ts';

export const rulesUsage = `usage: cmm rules [--markdown | --readme FILE]

Lists every rule of the model: what CPython does, the versions it holds on, the CPython source it
comes from and the model's file that holds it.
  --markdown     a Markdown table instead of text
  --readme FILE  rewrite the table in FILE between its rules markers (the project's README.md)
Exit status: 0, 2 a usage error.
`;

export async function rulesCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, { markdown: { type: 'boolean' }, readme: { type: 'string' } });
  if (values.help === true) return io.out(rulesUsage), 0;
  if (positionals.length > 0) throw new UsageError(`rules takes no arguments (got '${positionals[0]}')`);
  const readme = stringOption(values, 'readme');
  if (readme !== undefined) {
    let text: string;
    try {
      text = readFileSync(readme, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${readme}: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      writeFileSync(readme, withRulesTable(text, readme));
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    io.out(`${readme}: rules table rewritten\n`);
    return 0;
  }
  io.out(values.markdown === true ? rulesMarkdown() : rulesText());
  return 0;
}
