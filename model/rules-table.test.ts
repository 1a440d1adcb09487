// The rule registry as text: every rule once, in registry order, with its fields where a reader
// of the README's table or of `cmm rules` looks for them.
import { describe, expect, it } from 'vitest';
import { README_END, README_START, cell, rulesMarkdown, rulesText, withRulesTable } from './rules-table.ts';
import { RULE_IDS, RULES } from './rules.ts';

describe('the rules as Markdown', () => {
  const lines = rulesMarkdown().split('\n');

  it('has a header, a separator, then one row per rule in registry order', () => {
    expect(lines[0]).toBe('| rule | what CPython does | versions | CPython source | model |');
    expect(lines[1]).toBe('| --- | --- | --- | --- | --- |');
    expect(lines.slice(2, -1).map((l) => /^\| `([^`]+)` \|/.exec(l)?.[1])).toEqual([...RULE_IDS]);
    expect(lines.at(-1)).toBe('');
  });

  it("gives each rule's summary, versions, source and file in its own column", () => {
    const id = RULE_IDS[0]!;
    const r = RULES[id];
    expect(lines[2]).toBe(`| \`${id}\` | ${r.summary} | ${r.versions} | ${r.source} | \`${r.file}\` |`);
  });

  it('escapes a | inside a field, so that every row has five columns', () => {
    expect(cell('a | b || c')).toBe('a \\| b \\|\\| c');
    for (const row of lines.slice(2, -1)) expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });
});

describe('the rules as text', () => {
  it('gives each rule a block: id and versions, then summary, source and file indented', () => {
    const blocks = rulesText().split('\n\n');
    expect(blocks).toHaveLength(RULE_IDS.length);
    const id = RULE_IDS[1]!;
    const r = RULES[id];
    expect(blocks[1]).toBe(`${id} (${r.versions})\n    ${r.summary}\n    CPython: ${r.source}\n    model:   ${r.file}`);
  });
});

describe("the README's table", () => {
  it('replaces only what lies between the markers', () => {
    const text = `# title\n\n${README_START}\nold table\n${README_END}\n\nafter\n`;
    expect(withRulesTable(text, 'R.md')).toBe(`# title\n\n${README_START}\n${rulesMarkdown()}${README_END}\n\nafter\n`);
  });

  it('refuses a file without both markers in order, naming the file', () => {
    expect(() => withRulesTable(`${README_START}\n`, 'R.md')).toThrow(/^R\.md has no '<!-- rules/);
    expect(() => withRulesTable(`${README_END}\n`, 'R.md')).toThrow(/^R\.md has no/);
    expect(() => withRulesTable(`${README_END}\n${README_START}\n`, 'R.md')).toThrow(/^R\.md has no/);
    expect(withRulesTable(`${README_START}${README_END}`, 'R.md')).toBe(`${README_START}\n${rulesMarkdown()}${README_END}`);
  });
});
