// Which mutants change only the text of an exception the model raises. SPEC section 2 observes a
// raise as its type name (`!TypeError`), never its message, so no case, corpus program or
// interpreter can tell such a mutant from the model: it is equivalent. The summary reports the
// score with and without them, and never hides them: they stay in the raw score and the survivors.
// (A give-up's reason is not among them: reports and `cmm predict` show it, and the kept
// explanations pin it.)

/** Stryker's location: 1-based lines and columns (the end is the column after the last character). */
export interface Span {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

const RAISE = 'new PyException(';

/** The 0-based columns [from, to) of the message argument of each `new PyException(type, message)` on a line. */
export function messageSpans(line: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = line.indexOf(RAISE); at >= 0; at = line.indexOf(RAISE, at + 1)) {
    let depth = 0;
    let from = -1;
    let quote: string | null = null;
    for (let i = at + RAISE.length; i < line.length; i++) {
      const ch = line[i]!;
      if (quote !== null) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === "'" || ch === '"' || ch === '`') quote = ch;
      else if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') {
        if (depth === 0) {
          if (from >= 0) out.push([from, i]);
          break;
        }
        depth--;
      } else if (ch === ',' && depth === 0 && from < 0) from = i + 1;
    }
  }
  return out;
}

/** Whether a mutant lies wholly inside the message of an exception the model raises. */
export function changesOnlyAMessage(source: string, span: Span): boolean {
  if (span.start.line !== span.end.line) return false;
  const line = source.split('\n')[span.start.line - 1] ?? '';
  return messageSpans(line).some(([from, to]) => span.start.column - 1 >= from && span.end.column - 1 <= to);
}
