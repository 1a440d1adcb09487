// `cmm explain`: the model's trace of a cycle before and after gc.collect(), as text and as
// pictures, the page checked in a real headless browser (Debian's chromium, which .ci/run installs).
import { execa } from 'execa';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmm, tempFiles } from './spawn-cmm.ts';

const CYCLE = 'import gc\nclass C:\n    pass\na = C()\nb = C()\na.other = b\nb.other = a\nl = [a, 257]\ndel a\ndel b\ndel l\ngc.collect()\n';
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

describe('cmm explain', () => {
  it('follows a cycle: reachable, then held only by itself, then freed by the collector', async () => {
    const { paths } = tempFiles({ 'cycle.py': CYCLE });
    const r = await cmm(['explain', '--python-version', '3.12', paths[0]!]);
    expect(r.exitCode).toBe(0);
    const step = (n: number): string => r.stdout.split(/\n(?=\[\d+\])/).find((s) => s.startsWith(`[${n}]`)) ?? '';
    expect(step(6)).toMatch(/^ {4}#2 C: count 2, tracked <- a, #3\.other$/m);
    expect(step(6)).toMatch(/^ {4}#3 C: count 2, tracked <- b, #2\.other$/m);
    expect(step(7)).toMatch(/^ {4}#\d+ int 257: count 2 <- #\d+\[1\]$/m);
    expect(step(10)).toMatch(/^\[10\] line 11: del l$/m);
    expect(step(10)).toMatch(/^ {4}#2 C: count 1, tracked <- #3\.other \(no name leads to it\)$/m);
    expect(step(11)).toMatch(/^ {4}observed: 2$/m);
    expect(step(11)).toMatch(/^ {4}freed: #2, #3$/m);
    expect(step(11)).toMatch(/rules: .*gc-unreachable-count/);
    expect(r.stdout).toMatch(/^observations: \[2\]$/m);
  });

  it('draws each step and writes a page that a real browser shows with every picture', async () => {
    const { paths } = tempFiles({ 'cycle.py': CYCLE });
    const dir = mkdtempSync(join(tmpdir(), 'cmm-explain-'));
    const r = await cmm(['explain', '--python-version', '3.11', '--python-version', '3.14', '--svg', dir, paths[0]!]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`pictures and the page: ${join(dir, 'index.html')}`);
    const svgs = readdirSync(dir).filter((f) => f.endsWith('.svg'));
    expect(svgs).toHaveLength(2 * 11);
    if (CHROMIUM === undefined) throw new Error('no chromium: install Debian\'s chromium (.ci/run does) to check the page');
    const page = await execa(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--allow-file-access-from-files', '--virtual-time-budget=5000', '--dump-dom', `file://${join(dir, 'index.html')}`], { reject: false, timeout: 60_000 });
    expect(page.stdout).toMatch(/<body data-images="loaded" data-count="22">/);
    expect(page.stdout).toContain('#2 C');
  }, 90_000);
});
