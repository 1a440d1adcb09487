// Short texts about one checked program, for failure messages: the program as runnable Python with
// its mode, and each divergent position with the model's value and CPython's.
import type { Mode } from '../language/ast.ts';
import type { Checked } from './checkProgram.ts';
import { locate } from './locate.ts';

export function programTextOf(checked: Pick<Checked, 'source'>, mode: Mode): string {
  const source = checked.source.endsWith('\n') ? checked.source : `${checked.source}\n`;
  return `# mode: ${mode}\n${source}`;
}

/** `'3'` as a value, or what its absence means. */
export function shown(value: string | null): string {
  return value === null ? '(no observation)' : value;
}

export function describeDivergences(checked: Checked, mode: Mode): string {
  const { verdict } = checked;
  const lines = [`the model diverges from CPython at ${verdict.divergent} of ${verdict.compared} observations:`];
  for (const d of locate(checked, mode)) {
    const where = d.line === null ? '' : ` (line ${d.line}: ${d.statement})`;
    lines.push(`  observation ${d.position + 1}${where}: model ${shown(d.model)}, CPython ${shown(d.cpython)}`);
  }
  if (verdict.stopped !== undefined) lines.push(`  (the model stopped: ${verdict.stopped})`);
  lines.push(`CPython observed: [${checked.observed.observations.join(', ')}]`, programTextOf(checked, mode));
  return lines.join('\n');
}
