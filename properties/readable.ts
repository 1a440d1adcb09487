// fast-check prints a counterexample with fc.stringify; a Program should print as the Python it
// is, with its mode, so that a failure report can be pasted into a file and run.
import fc from 'fast-check';
import type { Program } from '../language/ast.ts';
import { renderProgram } from '../language/render.ts';

export function programText(program: Program): string {
  let source: string;
  try {
    source = renderProgram(program);
  } catch (e) {
    source = `# (could not render: ${e instanceof Error ? e.message : String(e)})\n${JSON.stringify(program, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`;
  }
  return `# mode: ${program.mode}\n${source.endsWith('\n') ? source : `${source}\n`}`;
}

/** The same program, printed by fast-check as its Python text (the method is not enumerable). */
export function readable(program: Program): Program {
  Object.defineProperty(program, fc.toStringMethod, { value: () => `\n${programText(program)}`, enumerable: false });
  return program;
}
