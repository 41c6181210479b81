/**
 * The authorize store's own thread: it owns the synchronous `libsql` connection, the
 * exact read cache and the write-behind, so point queries, guarded writes and heartbeat
 * flushes (and the WAL checkpoints they trigger) never run on the HTTP thread. Calls
 * arrive in batches and run in arrival order; durable writes have committed before
 * their reply is posted.
 */
import { nativeRunner, type SqlRunner } from "./sql-runner.ts";
import { sqlAuthorizeStore } from "./authorize-store.ts";
import { errorShape, type FromWorker, type ToWorker } from "./worker-protocol.ts";

declare const self: { onmessage: ((event: MessageEvent<string>) => void) | null; postMessage(message: string): void };

type Store = ReturnType<typeof sqlAuthorizeStore>;
let runner: SqlRunner | null = null;
let store: Store | null = null;
// JSON strings both ways (see worker-authorize-store.ts).
const post = (message: FromWorker) => self.postMessage(JSON.stringify(message));

async function runCalls(active: Store, calls: Extract<ToWorker, { type: "calls" }>["calls"]) {
  const methods = active as unknown as Record<string, (...args: unknown[]) => unknown>;
  const results = await Promise.all(
    calls.map(async ({ id, method, args }): Promise<[number, boolean, unknown]> => {
      try {
        return [id, true, await methods[method]!(...args)];
      } catch (error) {
        return [id, false, errorShape(error)];
      }
    }),
  );
  const replies = results.filter(([id]) => id !== 0);
  if (replies.length > 0) post({ type: "results", results: replies });
}

self.onmessage = (event) => {
  const message = JSON.parse(event.data) as ToWorker;
  if (message.type === "open") {
    // No write gate: this thread may wait for SQLite's lock without stalling the HTTP thread.
    runner = nativeRunner(message.path, { busyTimeoutMs: message.busyTimeoutMs, synchronous: message.synchronous, writeLock: null });
    store = sqlAuthorizeStore(runner, { flushIntervalMs: message.flushIntervalMs, onError: (error) => post({ type: "flush-failed", error: errorShape(error) }) });
    store.start();
    post({ type: "ready" });
  } else if (message.type === "calls" && store !== null) {
    void runCalls(store, message.calls);
  } else if (message.type === "stop") {
    void (async () => {
      try {
        await store?.stop();
      } catch (error) {
        post({ type: "flush-failed", error: errorShape(error) });
      }
      runner?.close();
      store = null;
      runner = null;
      post({ type: "stopped" });
    })();
  }
};
