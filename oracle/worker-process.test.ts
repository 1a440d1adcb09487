// A worker that misbehaves after its hello: the client gives it up instead of waiting forever or
// misreading it, and kills it; a worker that loses a program hands the others back unrun.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, waitFor } from './proc.ts';
import type { Outcome } from './pool.ts';
import { WorkerProcess } from './worker-process.ts';

const HELLO = JSON.stringify({ type: 'hello', version: '3.11.7', bits: 64, executable: '/fake', implementation: 'cpython' });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cmm-worker-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fake python: says hello, then does `then` (ending in `exec sleep`, so killing it kills all of it). */
function fake(name: string, then: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\necho '${HELLO}'\n${then}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Sends two programs to the fake; waits until the worker is gone. */
async function outcomesOf(python: string): Promise<Outcome[]> {
  const worker = await WorkerProcess.start(python, { design: 'inprocess', watchdogSlackMs: 300 });
  const pid = worker.pid!;
  try {
    const outcomes = await Promise.all([worker.send({ source: '1', mode: 'module' }, 100), worker.send({ source: '2', mode: 'module' }, 100)]);
    expect(await waitFor(() => !isRunning(pid), 2000)).toBe(true);
    expect(worker.alive).toBe(false);
    return outcomes;
  } finally {
    await worker.close();
  }
}

describe('a worker that misbehaves', () => {
  it('is given up when it stops answering', async () => {
    const [first, second] = await outcomesOf(fake('silent', 'exec sleep 60'));
    expect(first).toEqual({ ran: true, result: { status: 'crash', observations: [], detail: "the worker stopped answering (no answer 0.3 s past the program's limit)" } });
    expect(second).toEqual({ ran: false });
  });

  it('is given up when it answers with something that is not in the protocol', async () => {
    const [first] = await outcomesOf(fake('garbage', "head -c 17 >/dev/null\necho 'garbage out'\nexec sleep 60"));
    expect(first).toEqual({ ran: true, result: { status: 'error', observations: [], detail: 'the worker broke the protocol: an unknown line: garbage out' } });
  });

  it('is given up when it writes a line while no program runs', async () => {
    const path = fake('early', "echo '\"early\"'\nexec sleep 60");
    const worker = await WorkerProcess.start(path, { design: 'inprocess' });
    try {
      expect(await waitFor(() => !worker.alive, 2000)).toBe(true);
      expect(await worker.send({ source: '1', mode: 'module' }, 100)).toEqual({ ran: false });
    } finally {
      await worker.close();
    }
  });
});

describe('a worker that loses a program', () => {
  it('answers it from the exit record and hands the next one back unrun', async () => {
    // One observation, then the child's death by SIGSEGV, as the fork server reports it.
    const [first, second] = await outcomesOf(fake('segv', "head -c 17 >/dev/null\necho '\"1\"'\necho ''\necho '@0000000b'\nexec sleep 60"));
    expect(first).toEqual({ ran: true, result: { status: 'crash', observations: ['1'], detail: 'killed by signal 11 (SIGSEGV)' } });
    expect(second).toEqual({ ran: false });
  });

  it('hands every program back unrun when it retires itself', async () => {
    const [first, second] = await outcomesOf(fake('retiring', "head -c 17 >/dev/null\necho '.'\necho '@00000000!'\nexec sleep 60"));
    expect(first).toEqual({ ran: true, result: { status: 'ok', observations: [] } });
    expect(second).toEqual({ ran: false });
  });
});
