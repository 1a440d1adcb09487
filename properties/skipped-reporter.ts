// Lists every test skipped on purpose (test.skip, skipIf) by its full name at the end of a run.
// The default reporter only counts them, and a skipped test is how this project reports an
// interpreter that is missing here and why: `npm test` must show which ones did not run.
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export interface SkippedTest {
  /** The test file, relative to the project. */
  file: string;
  /** The test's name with its enclosing blocks, `block > test`. */
  name: string;
}

export function skippedSummary(skipped: readonly SkippedTest[]): string[] {
  if (skipped.length === 0) return [];
  return [` Skipped here (${skipped.length}):`, ...skipped.map((s) => `   ↓ ${s.file} > ${s.name}`)];
}

export class SkippedReporter implements Reporter {
  private vitest?: Vitest;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const vitest = this.vitest;
    // With a name filter every other test is skipped too: listing them would bury the rest.
    if (vitest === undefined || vitest.config.testNamePattern !== undefined) return;
    const skipped: SkippedTest[] = [];
    for (const m of modules) {
      for (const t of m.children.allTests('skipped')) {
        if (t.options.mode === 'skip') skipped.push({ file: m.relativeModuleId, name: t.fullName });
      }
    }
    for (const line of skippedSummary(skipped)) vitest.logger.log(line);
  }
}
