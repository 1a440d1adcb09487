import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{language,model,oracle,properties,cases,cli,report}/**/*.test.ts'],
    // Oracle-backed tests spawn python3 workers; a generous timeout keeps a slow CI machine green
    // without hiding a hang (each program has its own timeout inside the oracle).
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
