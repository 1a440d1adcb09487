// A worker that misbehaves after its hello: the client gives it up instead of waiting forever or
// misreading it, and kills it.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, waitFor } from './proc.ts';
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

async function answerOf(python: string): Promise<{ status: string; detail?: string; pid: number }> {
  const worker = await WorkerProcess.start(python, { watchdogSlackMs: 300 });
  const pid = worker.pid!;
  try {
    const result = await worker.send({ source: '1', mode: 'module' }, 100);
    expect(await waitFor(() => !isRunning(pid), 2000)).toBe(true);
    expect(worker.alive).toBe(false);
    return { ...result, pid };
  } finally {
    await worker.close();
  }
}

describe('a worker that misbehaves', () => {
  it('is given up when it stops answering', async () => {
    const result = await answerOf(fake('silent', 'exec sleep 60'));
    expect(result).toMatchObject({ status: 'crash', detail: "the worker stopped answering (no answer 0.3 s past the program's limit)" });
  });

  it('is given up when it answers with something that is not an answer', async () => {
    const result = await answerOf(fake('garbage', "read line\necho 'garbage out'\nexec sleep 60"));
    expect(result).toMatchObject({ status: 'error', detail: 'the worker broke the protocol: not a JSON object: garbage out' });
  });

  it('is given up when it answers a request nobody sent', async () => {
    const answer = JSON.stringify({ id: 999, status: 'ok', observations: [] });
    const result = await answerOf(fake('wrong-id', `read line\necho '${answer}'\nexec sleep 60`));
    expect(result).toMatchObject({ status: 'error', detail: 'the worker broke the protocol: an answer to request 999, which is not waiting' });
  });
});
