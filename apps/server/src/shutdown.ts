import type { Logger } from "@geckoguard/core";

/** Something to stop on shutdown, after the HTTP server has drained. */
export interface Closer {
  name: string;
  close(): Promise<void>;
}

/** The part of Bun's server that shutdown needs. */
export interface DrainableServer {
  /** false: stop listening and resolve once requests in flight are answered; true: close every connection now. */
  stop(closeActiveConnections?: boolean): Promise<void>;
}

function errorClass(error: unknown): string {
  return (error as { name?: string })?.name ?? typeof error;
}

/**
 * Graceful stop: the listener closes at once (new connections are refused), requests in
 * flight get up to `timeoutMs` to be answered before their connections are closed, then
 * each closer runs in order (batched writes are flushed, the database closed last).
 * Resolves true when everything stopped cleanly.
 */
export async function drainAndClose(server: DrainableServer, closers: readonly Closer[], options: { timeoutMs: number; logger: Logger }): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
  });
  const drained = await Promise.race([server.stop(false).then(() => "drained" as const), timedOut]);
  clearTimeout(timer);
  let clean = true;
  if (drained === "timeout") {
    clean = false;
    options.logger.warn("server.drain_timeout", { timeoutMs: options.timeoutMs });
    await server.stop(true);
  }
  for (const closer of closers) {
    try {
      await closer.close();
    } catch (error) {
      clean = false;
      options.logger.error("server.close_failed", { closer: closer.name, errorClass: errorClass(error) });
    }
  }
  return clean;
}
