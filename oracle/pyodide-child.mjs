// Starts the embedded oracle's child process (oracle/pyodide-child.ts) through tsx, as bin/cmm.mjs
// starts the command: no build step between a checkout and a run.
import { tsImport } from 'tsx/esm/api';

await tsImport('./pyodide-child.ts', import.meta.url);
