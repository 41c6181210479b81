/**
 * The pacing both background workers share (webhook delivery, mail): one tick at a time,
 * the next `pollIntervalMs` after the last ended, or at once when `kick()`ed (a slot freed,
 * an outcome to write). `stop()` cancels what is scheduled and waits for a running tick.
 */
export interface PollLoop {
  /** True until stop(). Ticks check it to end their loops early. */
  readonly running: boolean;
  /** Runs a tick as soon as the current one (if any) ends. */
  kick(): void;
  stop(): Promise<void>;
}

export function startPollLoop(tick: () => Promise<void>, pollIntervalMs: number): PollLoop {
  let running = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();

  function schedule(delayMs: number): void {
    if (!running) return;
    if (timer !== undefined) {
      if (delayMs > 0) return; // a tick is already coming
      clearTimeout(timer);
    }
    timer = setTimeout(() => {
      timer = undefined;
      current = current.then(tick).then(() => schedule(pollIntervalMs));
    }, delayMs);
  }

  schedule(0);
  return {
    get running() {
      return running;
    },
    kick: () => schedule(0),
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      await current;
    },
  };
}
