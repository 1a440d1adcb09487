// What the native worker and the embedded child have in common as child processes: waiting for
// their first line (the hello) with a deadline, and ending them — a grace period to leave on
// their own, then SIGKILL.

/** A timer that can be cancelled. */
export function delay(ms: number): { promise: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Waits `graceMs` for the process to exit by itself, then kills it, and waits for its exit. */
export async function exitWithin(exit: Promise<unknown>, hasExited: () => boolean, kill: () => void, graceMs: number): Promise<void> {
  if (hasExited()) return;
  const grace = delay(graceMs);
  await Promise.race([exit, grace.promise]);
  grace.cancel();
  if (!hasExited()) kill();
  await exit;
}

export interface HelloWaiter<T> {
  resolve: (hello: T) => void;
  reject: (reason: string) => void;
}

/**
 * Waits for a hello that `install`'s waiter receives (the caller's line handler calls it), or a
 * failure, or the deadline; the waiter is uninstalled before this returns.
 */
export async function awaitHello<T>(install: (waiter: HelloWaiter<T> | undefined) => void, timeoutMs: number, lateMessage: string): Promise<{ hello: T } | { failure: string }> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await new Promise<{ hello: T } | { failure: string }>((resolve) => {
    const waiter: HelloWaiter<T> = { resolve: (hello) => resolve({ hello }), reject: (failure) => resolve({ failure }) };
    install(waiter);
    timer = setTimeout(() => waiter.reject(lateMessage), timeoutMs);
  });
  clearTimeout(timer);
  install(undefined);
  return outcome;
}
