// The conformance properties under vitest's JUnit reporter (what a CI system reads): a failure's
// message is the readable divergence report. A conformance run with a bug planted in the
// predictor (junit-fixture.planted.ts, against the model playing CPython) runs under vitest
// started here, and the XML it writes is read back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'properties/report/junit-fixture.planted.ts';

const unescape = (xml: string): string =>
  xml.replace(/&#(x?)([0-9a-f]+);/gi, (_m, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex === '' ? 10 : 16)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function junitOf(file: string): Promise<string> {
  const outputFile = join(mkdtempSync(join(tmpdir(), 'cmm-junit-')), 'junit.xml');
  // The project's config would add its own reporters: this run has the JUnit reporter alone.
  const vitest = await startVitest('test', [], { root: ROOT, config: false, include: [file], reporters: ['junit'], outputFile, watch: false, testTimeout: 120_000 });
  await vitest.close();
  return readFileSync(outputFile, 'utf8');
}

describe('JUnit reports of the conformance property', () => {
  it('carry the readable divergence report as the failure message: program, observations, rules, replay', async () => {
    const xml = await junitOf(FIXTURE);
    const testcase = /<testcase[^>]*name="([^"]*the model agrees with CPython[^"]*)"[^>]*>([\s\S]*?)<\/testcase>/.exec(xml);
    expect(testcase, xml).not.toBeNull();
    const failure = /<failure message="([^"]*)"/.exec(testcase![2]!);
    expect(failure, testcase![2]).not.toBeNull();
    const message = unescape(failure![1]!);
    expect(message).toMatch(/^model \(CPython 3\.11\.7\), the model of CPython 3\.11\.7 \(64-bit\): the model does not agree with CPython \(shrunk in \d+ steps\)/);
    expect(message).toMatch(/replay: seed -?\d+, path "\d+(:\d+)*"/);
    expect(message).toMatch(/cmm check --oracle model --seed -?\d+ --path "\d+" runs the same program/);
    expect(message).toMatch(/observation \d+ \(line \d+: gc\.collect\(\)\): model \d+, CPython \d+/);
    expect(message).toMatch(/the model decided it with: [^\n]*gc-unreachable-count/);
    expect(message).toMatch(/CPython observed: \[/);
    // The shrunk program, runnable, with its mode.
    expect(message).toMatch(/# mode: (module|function|repl)\nimport gc\n(.*\n)*gc\.collect\(\)/);
  }, 300_000);
});
