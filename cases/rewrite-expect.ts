// Rewriting the `expect:` list of a case file in place. Only the text of that one key and its
// value is replaced; everything else (comments, the description's wrapping, key order) stays
// byte for byte. Comments inside the old `expect:` list go with it.
import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, parseDocument, type Node } from 'yaml';
import { CaseFileError } from './case.ts';
import { entryOf, sameEntry, type ExpectEntry } from './merge-ranges.ts';
import { parseCaseText } from './parse-case.ts';
import { keyText } from './yaml-nodes.ts';

export interface ExpectChange {
  file: string;
  /** False when the entries were already these: the file is left untouched. */
  changed: boolean;
  added: ExpectEntry[];
  removed: ExpectEntry[];
}

/** The new text of a case file whose `expect:` becomes `entries`; the file must load before and after. */
export function rewriteExpectText(text: string, file: string, entries: readonly ExpectEntry[]): { text: string; change: ExpectChange } {
  const before = parseCaseText(text, file).expect.map(entryOf);
  const added = entries.filter((e) => !before.some((b) => sameEntry(b, e)));
  const removed = before.filter((b) => !entries.some((e) => sameEntry(b, e)));
  const changed = before.length !== entries.length || before.some((b, i) => !sameEntry(b, entries[i]));
  const change: ExpectChange = { file, changed, added, removed };
  if (!changed) return { text, change };

  const doc = parseDocument(text, { uniqueKeys: false });
  const pair = isMap(doc.contents) ? doc.contents.items.find((p) => keyText(p) === 'expect') : undefined;
  const key = pair?.key as Node | undefined;
  if (!pair || !key?.range) throw new CaseFileError(file, 1, 1, "the case has no 'expect' key to rewrite");
  const start = key.range[0];
  const end = (pair.value as Node | null)?.range?.[1] ?? key.range[1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = ' '.repeat(start - lineStart);
  let rest = text.slice(end);
  if (!rest.startsWith('\n') && !rest.startsWith('\r\n')) rest = `\n${rest}`;
  const newText = text.slice(0, start) + renderExpect(entries, indent) + rest;
  parseCaseText(newText, file); // never write a file the loader would refuse
  return { text: newText, change };
}

export function writeExpectations(file: string, entries: readonly ExpectEntry[]): ExpectChange {
  const text = readFileSync(file, 'utf8');
  const result = rewriteExpectText(text, file, entries);
  if (result.change.changed) writeFileSync(file, result.text);
  return result.change;
}

/** `expect:` and its entries, block style, one observation a line; no trailing newline. */
export function renderExpect(entries: readonly ExpectEntry[], indent = ''): string {
  if (entries.length === 0) return 'expect: []';
  const lines = ['expect:'];
  for (const e of entries) {
    lines.push(`${indent}  - python: ${quote(e.python)}`);
    if (e.bits !== undefined) lines.push(`${indent}    bits: ${e.bits}`);
    if (e.observations.length === 0) lines.push(`${indent}    observations: []`);
    else {
      lines.push(`${indent}    observations:`);
      for (const o of e.observations) lines.push(`${indent}      - ${quote(o)}`);
    }
  }
  return lines.join('\n');
}

/**
 * A YAML double-quoted scalar. JSON's escapes are YAML's; what JSON leaves raw but YAML may not
 * hold (DEL, C1 controls, lone surrogates, BOM, line and paragraph separators) is escaped too.
 */
export function quote(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\ufeff\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
