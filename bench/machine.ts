// What the benchmark ran on: the machine, its load, and the software, for the report.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  /** The 1-minute load average when the benchmark started and ended: other work on the machine. */
  loadBefore: number;
  loadAfter?: number;
}

function hypervisor(): string {
  try {
    return /^flags\s*:.*\bhypervisor\b/m.test(readFileSync('/proc/cpuinfo', 'utf8')) ? ', virtual machine' : '';
  } catch {
    return '';
  }
}

export function describeMachine(): Machine {
  return {
    cpu: `${cpus()[0]?.model ?? 'unknown CPU'}${hypervisor()}`,
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: `Linux ${release()}`,
    node: process.version,
    loadBefore: Number(loadavg()[0]!.toFixed(2)),
  };
}

export const currentLoad = (): number => Number(loadavg()[0]!.toFixed(2));
