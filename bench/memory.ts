// Peak memory while something runs: this Node process's resident size, sampled, and the high-water
// mark each interpreter process reports itself (VmHWM in /proc/PID/status, Linux).
import { readFileSync } from 'node:fs';

export interface MemorySampler {
  /** Adds processes whose high-water mark to report (read before they end). */
  watch(pids: readonly number[]): void;
  stop(): { nodeMiB: number; interpreterMiB: number };
}

const MIB = 2 ** 20;

function highWaterKiB(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function sampleMemory(everyMs = 100): MemorySampler {
  let node = process.memoryUsage().rss;
  let interpreters = 0;
  const pids = new Set<number>();
  const sample = (): void => {
    node = Math.max(node, process.memoryUsage().rss);
    for (const pid of pids) interpreters = Math.max(interpreters, highWaterKiB(pid) * 1024);
  };
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    watch: (more) => {
      for (const pid of more) pids.add(pid);
      sample();
    },
    stop: () => {
      sample();
      clearInterval(timer);
      return { nodeMiB: Math.round(node / MIB), interpreterMiB: Math.round(interpreters / MIB) };
    },
  };
}
