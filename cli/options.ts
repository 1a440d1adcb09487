// Command-line options: node:util parseArgs in strict mode, and the checks on each value, every
// failure turned into a one-line UsageError.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MODES, type Mode } from '../language/ast.ts';
import { profileFor, ProfileError, type Profile } from '../model/profile.ts';
import type { Shard } from '../properties/shard.ts';
import { UsageError } from './errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseOptions(args: readonly string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    // parseArgs explains how to pass a positional that starts with '-': the first sentence is enough.
    const message = e instanceof Error ? e.message : String(e);
    throw new UsageError(message.split(/\. (?=To specify)/)[0]!.replace(/\.$/, ''));
  }
}

export function stringOption(values: Parsed['values'], name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Every value of an option that may be given several times (`multiple: true`), in order. */
export function stringsOption(values: Parsed['values'], name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** A non-negative integer (or a positive one with `min: 1`). */
export function integerOption(values: Parsed['values'], name: string, fallback: number | undefined, min = 0): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--${name} expects an integer, not '${text}'`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} expects an integer of at least ${min}, not '${text}'`);
  return n;
}

/** fast-check seeds are 32-bit signed integers. */
export function seedOption(values: Parsed['values']): number | undefined {
  const text = stringOption(values, 'seed');
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || n < -(2 ** 31) || n >= 2 ** 32) throw new UsageError(`--seed expects a 32-bit integer, not '${text}'`);
  return n | 0;
}

export function modeOption(values: Parsed['values']): Mode {
  const text = stringOption(values, 'mode');
  if (text === undefined) return 'module';
  if (!(MODES as readonly string[]).includes(text)) throw new UsageError(`--mode expects one of ${MODES.join(', ')}, not '${text}'`);
  return text as Mode;
}

export function bitsOption(values: Parsed['values']): 32 | 64 {
  const text = stringOption(values, 'bits');
  if (text === undefined || text === '64') return 64;
  if (text === '32') return 32;
  throw new UsageError(`--bits expects 64 or 32, not '${text}'`);
}

/** The profile for a version the user typed or an interpreter reported; unknown ones are usage errors. */
export function profileOf(version: string, bits: 32 | 64, build?: 'native' | 'embedded'): Profile {
  try {
    return profileFor(version, bits, build);
  } catch (e) {
    if (e instanceof ProfileError) throw new UsageError(e.message);
    throw e;
  }
}

export function requireFiles(positionals: readonly string[], command: string): void {
  if (positionals.length === 0) throw new UsageError(`${command} needs at least one FILE (see cmm ${command} --help)`);
}

const UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration: `90s`, `2m`, `1h`, `500ms`, or a plain number of seconds; in milliseconds. */
export function durationOption(values: Parsed['values'], name: string): number | undefined {
  const text = stringOption(values, name);
  if (text === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms = m ? Number(m[1]) * UNITS_MS[m[2] ?? 's']! : NaN;
  if (!(ms > 0) || !Number.isFinite(ms)) throw new UsageError(`--${name} expects a duration such as 60s, 5m or 1h, not '${text}'`);
  return ms;
}

/** `--shard i/n`: this job is shard i (1-based) of n. */
export function shardOption(values: Parsed['values']): Shard | undefined {
  const text = stringOption(values, 'shard');
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count)) throw new UsageError(`--shard expects i/n with 1 <= i <= n (this job's share of n), not '${text}'`);
  return { index, count };
}
