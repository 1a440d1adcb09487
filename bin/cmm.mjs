#!/usr/bin/env node
// The `cmm` command. Sources are TypeScript, loaded through tsx so that there is no build step
// between a checkout and a run.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
