// The one error a case-language program can be rejected with: where it is and why.

export class CaseLanguageError extends Error {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly reason: string;

  constructor(file: string, line: number, col: number, reason: string) {
    super(`${file}:${line}:${col}: ${reason}`);
    this.name = 'CaseLanguageError';
    this.file = file;
    this.line = line;
    this.col = col;
    this.reason = reason;
  }
}
