// The tests mutation testing (`npm run mutate`, StrykerJS) runs against each mutant of model/:
// the model's own unit tests, every case checked against the model for every profile it records
// (the hand-checked observations of real CPythons), and the recorded corpus (thousands of generated
// programs with what 13 CPythons observed). No interpreter is started: a mutant is killed by what
// CPython was recorded to observe. The generator's rule coverage is left out: it predicts 18,000
// programs without observations (25 s a mutant) and a mutant it alone would kill changes no
// prediction.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['model/**/*.test.ts', 'cases/cases.test.ts', 'cases/declines.test.ts', 'cases/explanations.test.ts', 'cases/corpus/*.test.ts'],
    // predict.test.ts runs the rule examples on interpreters: left out.
    exclude: ['model/predict.test.ts', 'node_modules/**'],
    testNamePattern: '^(?!each case on )',
    testTimeout: 60_000,
  },
});
