// The errors a user can cause (a bad flag, a missing file, an interpreter that will not start):
// reported as one line on stderr with exit code 2, never as a stack trace.

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The first line of an error's message: what the user sees. */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0] ?? text;
}
