// Loading a build: what is refused before anything loads (the loads themselves are tested through
// the oracle, in child processes).
import { expect, it } from 'vitest';
import { loadBuild } from './pyodide-load.ts';

it('names a missing package file, and refuses a second build in the same process', async () => {
  await expect(loadBuild('/nonexistent/pyodide-0.27', '0.27.7')).rejects.toThrow('/nonexistent/pyodide-0.27/pyodide.mjs is missing: reinstall the package');
  await expect(loadBuild('/nonexistent/pyodide-314', '314.0.7')).rejects.toThrow(
    'this process already loaded (or tried to load) the build in /nonexistent/pyodide-0.27: one process holds one build',
  );
});
