// The common shape of `cmm predict` and `cmm run`: per file as given, its observations, or an error.

export type Entry =
  | { file: string; observations: (string | null)[]; stopped?: string }
  | { file: string; error: string };

/** `{ "file": [observations] | {"error": ...} }`, in the order the files were given. */
export function entriesToJson(entries: readonly Entry[]): string {
  return `${JSON.stringify(entriesToObject(entries), null, 2)}\n`;
}

export function entriesToObject(entries: readonly Entry[]): Record<string, (string | null)[] | { error: string }> {
  const object: Record<string, (string | null)[] | { error: string }> = {};
  for (const e of entries) object[e.file] = 'error' in e ? { error: e.error } : e.observations;
  return object;
}

/** One observation a line (`?` where declined); a header per file when there are several. */
export function entriesToText(entries: readonly Entry[]): string {
  const out: string[] = [];
  for (const e of entries) {
    if (entries.length > 1) out.push(`==> ${e.file} <==`);
    if ('error' in e) {
      out.push(`error: ${e.error}`);
      continue;
    }
    out.push(...e.observations.map((o) => (o === null ? '? (declined)' : o)));
    if (e.stopped !== undefined) out.push(`(the model stopped after ${e.observations.length} observation${e.observations.length === 1 ? '' : 's'}: ${e.stopped})`);
    if (e.observations.length === 0 && e.stopped === undefined) out.push('(no observations)');
  }
  return `${out.join('\n')}\n`;
}

/** 1 when some file could not be predicted or run, 0 otherwise. */
export function entriesExitCode(entries: readonly Entry[]): number {
  return entries.some((e) => 'error' in e) ? 1 : 0;
}
