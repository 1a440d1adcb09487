import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SkippedReporter } from './properties/skipped-reporter.ts';

export default defineConfig({
  test: {
    include: ['{language,model,oracle,properties,cases,cli,report,mutation}/**/*.test.ts'],
    // Oracle-backed tests spawn python3 workers; a generous timeout keeps a slow CI machine green
    // without hiding a hang (each program has its own timeout inside the oracle).
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Most of the
    // suite waits on interpreter processes, so two workers finish sooner there: measured for the
    // whole suite on 2 cores, 307 s with one and 259 s with two (the interpreter matrix in
    // properties/ and cases/ dominates either way).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Before the default summary, the tests skipped on purpose: the interpreters missing here.
    reporters: [new SkippedReporter(), 'default'],
  },
});
