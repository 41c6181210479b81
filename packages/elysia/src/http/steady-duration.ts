/**
 * Runs `work` and settles no sooner than `ms` after it started, failures included. For
 * answers whose work differs by a secret (does this account exist?): when `ms` is well
 * above the longer path, both take the same time. performance.now(), not the context's
 * clock: this is about wall time as a client sees it, and test clocks stand still.
 */
export async function noSoonerThan<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = ms - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
