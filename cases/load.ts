// Loading case files from disk. A bad file is reported and the others still load: one broken
// case must never take a whole run down.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CaseFileError, type Case } from './case.ts';
import { parseCaseText } from './parse-case.ts';

export { CaseFileError, type Case, type Expectation } from './case.ts';

export function loadCaseFile(path: string): Case {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CaseFileError(path, 1, 1, `cannot read the file: ${oneLine(e)}`);
  }
  return parseCaseText(text, path);
}

/** Loads every file named, and every `*.yaml` under every directory named (sorted, recursively). */
export function loadCases(paths: readonly string[]): { cases: Case[]; errors: CaseFileError[] } {
  const cases: Case[] = [];
  const errors: CaseFileError[] = [];
  for (const file of paths.flatMap(caseFilesUnder)) {
    try {
      cases.push(loadCaseFile(file));
    } catch (e) {
      errors.push(e instanceof CaseFileError ? e : new CaseFileError(file, 1, 1, `could not load the case: ${oneLine(e)}`));
    }
  }
  return { cases, errors };
}

/** The case files a path stands for: itself if it is a file, its `*.yaml` files if a directory. */
export function caseFilesUnder(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    return [path]; // loading it reports why it cannot be read
  }
  if (!isDirectory) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.') && d.name !== 'node_modules')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((d) => {
      const child = join(path, d.name);
      if (d.isDirectory()) return caseFilesUnder(child);
      return d.isFile() && d.name.endsWith('.yaml') ? [child] : [];
    });
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
