// Reading the program files a command is given. All are read before anything runs, so that a
// missing file stops the command at once (exit 2) instead of halfway through.
import { readFileSync } from 'node:fs';
import type { Mode, Program } from '../language/ast.ts';
import { CaseLanguageError } from '../language/errors.ts';
import { parseProgram } from '../language/parse.ts';
import { oneLine, UsageError } from './errors.ts';

export interface SourceFile {
  /** The path as the user gave it: the key of the JSON output and the name in error messages. */
  file: string;
  source: string;
}

export function readSources(paths: readonly string[]): SourceFile[] {
  return paths.map((file) => {
    try {
      return { file, source: readFileSync(file, 'utf8') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : oneLine(e);
      throw new UsageError(`${file}: ${why}`);
    }
  });
}

/** A file parsed into the case language, or the one-line `file:line:col: reason` it was refused with. */
export type ParsedFile = SourceFile & ({ program: Program; error?: undefined } | { program?: undefined; error: string });

export function parseSources(files: readonly SourceFile[], mode: Mode): ParsedFile[] {
  return files.map((f) => {
    try {
      return { ...f, program: parseProgram(f.source, { file: f.file, mode }) };
    } catch (e) {
      if (e instanceof CaseLanguageError) return { ...f, error: e.message };
      throw e;
    }
  });
}
