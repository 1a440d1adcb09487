// The text being parsed and the mapping from offsets to the positions errors and the AST report.
import type { Loc } from './ast.ts';
import { CaseLanguageError } from './errors.ts';

export class SourceText {
  /** The source with CRLF and CR line ends turned into LF (as CPython's tokenizer reads them). */
  readonly text: string;
  private readonly lineStarts: number[] = [0];

  constructor(
    raw: string,
    readonly file: string,
    /** Where line 1, column 1 sits in the enclosing file (a YAML block scalar, for instance). */
    readonly origin: Loc,
  ) {
    this.text = raw.replace(/\r\n?/g, '\n');
    for (let i = 0; i < this.text.length; i++) if (this.text[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** Index of the line holding `offset`, 0-based. */
  lineIndex(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(offset: number): number {
    return this.lineStarts[this.lineIndex(offset)];
  }

  /** The reported position of `offset`; columns count code points, as an editor shows them. */
  loc(offset: number): Loc {
    const index = this.lineIndex(offset);
    const start = this.lineStarts[index];
    return { line: this.origin.line + index, col: this.origin.col + this.codePoints(index, start, offset) };
  }

  /** Lines holding a surrogate pair, where columns and UTF-16 offsets part ways. */
  private readonly astralLines = new Map<number, boolean>();

  private codePoints(index: number, start: number, offset: number): number {
    let astral = this.astralLines.get(index);
    if (astral === undefined) {
      const end = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1] : this.text.length;
      astral = /[\ud800-\udfff]/.test(this.text.slice(start, end));
      this.astralLines.set(index, astral);
    }
    if (!astral) return offset - start;
    let col = 0;
    for (let i = start; i < offset; i++) {
      // The second half of a surrogate pair is not a column of its own.
      const c = this.text.charCodeAt(i);
      if (!(isLowSurrogate(c) && i > start && isHighSurrogate(this.text.charCodeAt(i - 1)))) col++;
    }
    return col;
  }

  slice(from: number, to: number): string {
    return this.text.slice(from, to);
  }

  fail(offset: number, reason: string): never {
    const { line, col } = this.loc(offset);
    throw new CaseLanguageError(this.file, line, col, reason);
  }
}

export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
