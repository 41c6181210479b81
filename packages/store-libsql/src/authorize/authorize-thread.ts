import type { AuthorizeAnswerer, AuthorizeReply, RateLimitStore } from "@geckoguard/core";
import { errorFromShape, type FromWorker, type OpenMessage, type ToWorker, type WorkerCall, type WorkerMethod } from "./worker-protocol.ts";

/** The database and state settings the thread opens with, and how this side hears of its failures. */
/** One batch at a time: the next one gathers while the thread works (measured: fewer, larger batches cost it less). */
const MAX_BATCHES_OUT = 1;

export interface AuthorizeThreadOptions extends Omit<OpenMessage, "type"> {
  /** Where authorize-worker.ts is; a compiled binary embeds it elsewhere (apps/server/build.ts). */
  workerUrl?: string;
  /** A background failure of the thread (a heartbeat flush), by what failed. */
  onError: (what: string, error: unknown) => void;
}

export interface AuthorizeThread {
  /** A whole authorize call, answered by the thread. */
  answer: AuthorizeAnswerer;
  /** The thread's rate-limit buckets, for this thread's other routes (in-process mode: one set of buckets per process). */
  rateLimits: RateLimitStore;
  /** Writes the batched heartbeats now (tests, shutdown). */
  flush(): Promise<void>;
  /** Flushes, closes the thread's connection and ends it. */
  stop(): Promise<void>;
}

/**
 * Starts authorize-worker.ts and talks to it. Calls made during one turn of the event
 * loop travel in one message (and their answers in one reply), so the HTTP thread pays
 * one postMessage per batch. Resolves once the thread has opened the database; rejects
 * if it cannot start.
 */
export async function startAuthorizeThread(options: AuthorizeThreadOptions): Promise<AuthorizeThread> {
  const worker = new Worker(options.workerUrl ?? new URL("./authorize-worker.ts", import.meta.url).href);
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let queue: WorkerCall[] = [];
  let scheduled = false;
  let batchesOut = 0;
  let stopped: (() => void) | null = null;
  // JSON strings: Bun posts a string far cheaper than it structured-clones an object.
  const send = (message: ToWorker) => worker.postMessage(JSON.stringify(message));
  // At most MAX_BATCHES_OUT batches travel at once: while the thread is busy, calls gather
  // into the next batch, so a loaded thread takes fewer, larger batches (each costs it a turn
  // of its event loop), and an idle one gets each call at the end of this turn.
  const sendQueue = () => {
    scheduled = false;
    if (queue.length === 0 || batchesOut >= MAX_BATCHES_OUT) return;
    const calls = queue;
    queue = [];
    batchesOut++;
    send({ type: "calls", calls });
  };
  /** Set once the thread has died: every later call fails at once (a 500), none waits for an answer that cannot come. */
  let failed: Error | null = null;
  const call = <T>(method: WorkerMethod, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      if (failed !== null) return reject(failed);
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      queue.push({ id, method, args });
      if (!scheduled && batchesOut < MAX_BATCHES_OUT) {
        scheduled = true;
        setImmediate(sendQueue);
      }
    });
  const failAll = (error: unknown) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };

  await new Promise<void>((resolve, reject) => {
    let ready = false;
    worker.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as FromWorker;
      if (message.type === "ready") {
        ready = true;
        resolve();
      } else if (message.type === "results") {
        batchesOut--;
        sendQueue();
        for (const [id, ok, value] of message.results) {
          const entry = waiting.get(id);
          waiting.delete(id);
          if (ok) entry?.resolve(value);
          else entry?.reject(errorFromShape(value as Parameters<typeof errorFromShape>[0]));
        }
      } else if (message.type === "background-failed") options.onError(message.what, errorFromShape(message.error));
      else if (message.type === "stopped") stopped?.();
    };
    worker.onerror = (event) => {
      const error = new Error(`authorize thread failed: ${event.message}`);
      failAll(error);
      if (ready) {
        failed = error;
        queue = [];
        return options.onError("thread", error);
      }
      worker.terminate();
      reject(error);
    };
    const { path, synchronous, busyTimeoutMs, flushIntervalMs, sharedState, rateLimits } = options;
    send({ type: "open", path, synchronous, busyTimeoutMs, flushIntervalMs, sharedState, rateLimits });
  });

  return {
    answer: (request) => call<AuthorizeReply>("authorize", request),
    rateLimits: {
      consume: (bucketKey, limit, nowMs) => call("consume", bucketKey, limit, nowMs),
      purgeIdle: (beforeMs) => call("purgeIdle", beforeMs),
    },
    flush: () => call("flush"),
    async stop() {
      if (failed !== null) return void worker.terminate();
      const done = new Promise<void>((resolve) => (stopped = resolve));
      if (queue.length > 0) sendQueue();
      send({ type: "stop" });
      await done;
      worker.terminate();
    },
  };
}
