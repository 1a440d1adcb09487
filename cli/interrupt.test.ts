import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/cmm.mjs', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The python workers among a process's children (tsx's esbuild service is a child too). */
async function workersOf(pid: number): Promise<number[]> {
  const r = await execa('pgrep', ['-a', '-P', String(pid)], { reject: false });
  return String(r.stdout)
    .split('\n')
    .filter((line) => line.includes('worker.py'))
    .map((line) => Number(line.split(' ')[0]));
}

describe('cmm and its python worker', () => {
  it.skipIf(process.platform !== 'linux')('Ctrl-C during a campaign exits 130 and leaves no python process behind', async () => {
    const child = execa('node', [BIN, 'check', '--runs', '1000000', '--seed', '5'], { reject: false });
    let workers: number[] = [];
    for (let i = 0; i < 100 && workers.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      workers = await workersOf(child.pid!);
    }
    expect(workers.length).toBeGreaterThan(0);
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode, `stdout: ${String(result.stdout).slice(-500)}\nstderr: ${String(result.stderr).slice(-1000)}`).toBe(130);
    await new Promise((r) => setTimeout(r, 200));
    expect(workers.filter(alive)).toEqual([]);
  });
});
