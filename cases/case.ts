// What a loaded case file is: the claim, the program (already checked against the case language)
// and the observations real CPythons recorded, per version range.
import type { Loc, Mode, Program } from '../language/ast.ts';
import type { VersionRange } from './versions.ts';

export interface Expectation {
  /** The version range, parsed; `range.text` is what the file says. */
  range: VersionRange;
  /** Absent: the entry holds for both pointer widths. */
  bits?: 32 | 64;
  observations: string[];
  /** Where the entry's `python:` value sits in the case file. */
  loc: Loc;
}

export interface Case {
  /** The path the case was loaded from, as given. */
  file: string;
  name: string;
  description: string;
  claim: string;
  sourceOfClaim: string;
  tags: string[];
  mode: Mode;
  /** The program's text, exactly as the block scalar holds it. */
  source: string;
  /** Where line 1, column 1 of `source` sits in the case file. */
  sourceOrigin: Loc;
  program: Program;
  expect: Expectation[];
}

/** One problem with one case file, as one line: `file:line:col: reason`. */
export class CaseFileError extends Error {
  override name = 'CaseFileError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${col}: ${reason}`);
  }
}
