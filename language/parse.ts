// parseProgram: case-language source text to the typed Program, or a CaseLanguageError naming the
// first construct outside the subset (SPEC section 3).
import { parser } from '@lezer/python';
import type { Loc, Mode, Program } from './ast.ts';
import { Scope, type Ctx } from './context.ts';
import { convertBlock } from './convert-stmt.ts';
import { collectProgramAttributes } from './program-attributes.ts';
import { SourceText } from './source-text.ts';
import { checkSyntax } from './syntax-check.ts';

export interface ParseOptions {
  /** The file named in errors; `<input>` by default. */
  file?: string;
  mode?: Mode;
  /** Where the source's line 1, column 1 sits in the enclosing file (default 1:1). */
  origin?: Loc;
}

export function parseProgram(source: string, options: ParseOptions = {}): Program {
  const mode = options.mode ?? 'module';
  const src = new SourceText(source, options.file ?? '<input>', options.origin ?? { line: 1, col: 1 });
  const tree = parser.parse(src.text);
  checkSyntax(tree, src);
  const ctx: Ctx = {
    src,
    mode,
    programAttributes: collectProgramAttributes(tree, src),
    classNames: new Set(),
    // In function mode the whole program is the body of a def.
    scope: new Scope(mode === 'function' ? 'function' : 'module'),
    depth: { expr: 0, block: 0, fstring: 0 },
  };
  return { mode, body: convertBlock(tree.topNode, ctx) };
}
