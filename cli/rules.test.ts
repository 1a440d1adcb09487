import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { README_END, README_START, rulesMarkdown, withRulesTable } from '../model/rules-table.ts';
import { RULE_IDS } from '../model/rules.ts';
import { main } from './main.ts';
import type { Io } from './io.ts';

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', errIsTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('cmm rules', () => {
  it('the README carries the table generated from model/rules.ts', () => {
    const file = fileURLToPath(new URL('../README.md', import.meta.url));
    const text = readFileSync(file, 'utf8');
    expect(text, 'README.md is stale: run npx cmm rules --readme README.md').toBe(withRulesTable(text, file));
    expect(text).toContain(rulesMarkdown());
  });

  it('lists every rule, as text and as Markdown', async () => {
    const text = capture();
    expect(await main(['rules'], text)).toBe(0);
    const md = capture();
    expect(await main(['rules', '--markdown'], md)).toBe(0);
    for (const id of RULE_IDS) {
      expect(text.stdout).toContain(`${id} (`);
      expect(md.stdout).toContain(`| \`${id}\` |`);
    }
    expect(md.stdout.split('\n').filter((l) => l.startsWith('| `')).length).toBe(RULE_IDS.length);
  });

  it('rewrites only the marked section of a file, and refuses a file without markers', async () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const file = `${dir}.rules-test-${process.pid}.md`;
    try {
      writeFileSync(file, `# title\n\n${README_START}\nold table\n${README_END}\n\nafter\n`);
      const io = capture();
      expect(await main(['rules', '--readme', file], io)).toBe(0);
      const text = readFileSync(file, 'utf8');
      expect(text.startsWith(`# title\n\n${README_START}\n| rule |`)).toBe(true);
      expect(text.endsWith(`${README_END}\n\nafter\n`)).toBe(true);
      expect(text).not.toContain('old table');
      writeFileSync(file, '# no markers\n');
      const bad = capture();
      expect(await main(['rules', '--readme', file], bad)).toBe(2);
      expect(bad.stderr).toMatch(/has no '<!-- rules/);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
