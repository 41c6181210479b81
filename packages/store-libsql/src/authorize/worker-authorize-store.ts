import type { AuthorizeStore } from "@geckoguard/core";
import { errorFromShape, type FromWorker, type StoreCall, type ToWorker } from "./worker-protocol.ts";

export interface WorkerStoreOptions {
  /** Where authorize-worker.ts is; a compiled binary embeds it elsewhere (apps/server/build.ts). */
  workerUrl?: string;
  path: string;
  synchronous: "normal" | "full";
  busyTimeoutMs: number;
  flushIntervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * The AuthorizeStore port served by authorize-worker.ts on its own thread. Calls made
 * during one turn of the event loop travel in one message (and their answers in one
 * reply), so the HTTP thread pays a postMessage per batch, not a query per call.
 * Resolves once the worker has opened the database; rejects if it cannot start.
 */
export async function workerAuthorizeStore(options: WorkerStoreOptions): Promise<AuthorizeStore & { start(): void; stop(): Promise<void> }> {
  const worker = new Worker(options.workerUrl ?? new URL("./authorize-worker.ts", import.meta.url).href);
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let queue: StoreCall[] = [];
  let stopped: (() => void) | null = null;
  // JSON strings: Bun posts a string far cheaper than it structured-clones an object.
  const send = (message: ToWorker) => worker.postMessage(JSON.stringify(message));
  const sendQueue = () => {
    const calls = queue;
    queue = [];
    send({ type: "calls", calls });
  };
  const enqueue = (call: StoreCall) => {
    if (queue.length === 0) setImmediate(sendQueue);
    queue.push(call);
  };
  const call = <T>(method: string, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      enqueue({ id, method, args });
    });
  const failAll = (error: unknown) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };

  await new Promise<void>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as FromWorker;
      if (message.type === "ready") {
        ready = true;
        resolve();
      }
      else if (message.type === "results") {
        for (const [id, ok, value] of message.results) {
          const entry = waiting.get(id);
          waiting.delete(id);
          if (ok) entry?.resolve(value);
          else entry?.reject(errorFromShape(value as Parameters<typeof errorFromShape>[0]));
        }
      } else if (message.type === "flush-failed") options.onError(errorFromShape(message.error));
      else if (message.type === "stopped") stopped?.();
    };
    let ready = false;
    worker.onerror = (event) => {
      const error = new Error(`authorize worker failed: ${event.message}`);
      failAll(error);
      if (ready) return options.onError(error);
      worker.terminate();
      reject(error);
    };
    send({ type: "open", path: options.path, synchronous: options.synchronous, busyTimeoutMs: options.busyTimeoutMs, flushIntervalMs: options.flushIntervalMs });
  });

  return {
    findKey: (prefix) => call("findKey", prefix),
    findLicense: (productId, key) => call("findLicense", productId, key),
    blacklisted: (productId, hwid, ipHex) => call("blacklisted", productId, hwid, ipHex),
    findSession: (licenseId, sessionId) => call("findSession", licenseId, sessionId),
    countLiveSessions: (licenseId, now) => call("countLiveSessions", licenseId, now),
    bind: (kind, license, value, now) => call("bind", kind, license, value, now),
    startClock: (licenseId, expiresAt, now) => call("startClock", licenseId, expiresAt, now),
    openSession: (session, license, now) => call("openSession", session, license, now),
    // Batched writes need no answer: they reach the worker in order, before any later read.
    heartbeat: (sessionId, expiresAt, now) => enqueue({ id: 0, method: "heartbeat", args: [sessionId, expiresAt, now] }),
    touchLicense: (licenseId, now) => enqueue({ id: 0, method: "touchLicense", args: [licenseId, now] }),
    signingKeyPem: (productId) => call("signingKeyPem", productId),
    // One round trip for the license, its blacklist hit and its session(s).
    loadDecisionView: (productId, request, now) => call("loadDecisionView", productId, request, now),
    // The key and the view in one round trip (core's prefetchAuthorize).
    prefetchAuthorize: (prefix, request, now) => call("prefetchAuthorize", prefix, request, now),
    flush: () => call("flush"),
    start: () => {},
    async stop() {
      const done = new Promise<void>((resolve) => (stopped = resolve));
      if (queue.length > 0) sendQueue();
      send({ type: "stop" });
      await done;
      worker.terminate();
    },
  };
}
