// For the tests: runs the real `cmm` executable as a user would, never throwing on a non-zero exit.
import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/cmm.mjs', import.meta.url));

export interface CmmResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function cmm(args: readonly string[], cwd?: string): Promise<CmmResult> {
  const r = await execa('node', [BIN, ...args], { reject: false, stripFinalNewline: false, ...(cwd !== undefined ? { cwd } : {}), env: { CMM_DEBUG: '' } });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Writes files into a fresh temporary directory and returns their paths, in order. */
export function tempFiles(files: Record<string, string>): { dir: string; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cmm-cli-'));
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  return { dir, paths };
}
