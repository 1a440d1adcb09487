// The tests mutation testing (`npm run mutate`, StrykerJS) runs against each mutant of model/:
// the model's own unit tests and every case checked against the model for every profile it records
// (the hand-checked observations of real CPythons). No interpreter is started: a mutant is killed
// by what CPython was recorded to observe.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['model/**/*.test.ts', 'cases/cases.test.ts', 'cases/corpus/*.test.ts', 'properties/generator-coverage.test.ts'],
    // predict.test.ts runs the rule examples on interpreters: left out.
    exclude: ['model/predict.test.ts', 'node_modules/**'],
    testNamePattern: '^(?!each case on )',
    testTimeout: 60_000,
  },
});
