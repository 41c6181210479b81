/**
 * The authorize thread: it owns a synchronous `libsql` connection, the exact read cache,
 * the write-behind, the nonces and (in the in-process mode) every rate-limit bucket of
 * the process, and runs whole authorize calls — checks, decision, durable writes and
 * the Ed25519 signature — so the HTTP thread only reads requests and writes answers.
 * Calls arrive in batches and run in arrival order; durable writes have committed
 * before their answer is posted.
 */
import { authorizeAnswerer, systemClock, type AuthorizeRawRequest, type RateLimit } from "@geckoguard/core";
import { nativeRunner } from "./sql-runner.ts";
import { sqlAuthorizeStore } from "./authorize-store.ts";
import { sharedStateStores } from "../cross-process/shared-state-stores.ts";
import { deploymentRateLimiter } from "../cross-process/deployment-rate-limiter.ts";
import { errorShape, type FromWorker, type OpenMessage, type ToWorker, type WorkerCall, type WorkerMethod } from "./worker-protocol.ts";

declare const self: { onmessage: ((event: MessageEvent<string>) => void) | null; postMessage(message: string): void };

// JSON strings both ways (see authorize-thread.ts).
const post = (message: FromWorker) => self.postMessage(JSON.stringify(message));
const reportFailure = (what: string) => (error: unknown) => post({ type: "background-failed", what, error: errorShape(error) });

function openThread(message: OpenMessage) {
  // No write gate: this thread may wait for SQLite's lock without stalling the HTTP thread.
  const runner = nativeRunner(message.path, {
    busyTimeoutMs: message.busyTimeoutMs,
    synchronous: message.synchronous,
    writeLock: null,
    // Sessions and licenses touched by heartbeats are spread over the file: keep their pages in memory.
    cacheSizeKiB: 64 * 1024,
  });
  // Revalidated once per batch below: every call of a batch arrived before the check.
  const store = sqlAuthorizeStore(runner, { flushIntervalMs: message.flushIntervalMs, onError: reportFailure("flush"), revalidate: "by-caller" });
  store.start();
  const shared = sharedStateStores(message.sharedState, runner);
  const rateLimiter = deploymentRateLimiter(runner, { buckets: shared.rateLimits, clock: systemClock, settings: message.rateLimits });
  const answer = authorizeAnswerer({ store, nonces: shared.nonces, clock: systemClock, rateLimiter });
  const handlers: Record<WorkerMethod, (...args: never[]) => Promise<unknown>> = {
    authorize: (request: AuthorizeRawRequest) => answer(request),
    // The HTTP thread's other routes share this thread's buckets (in-process mode).
    consume: (bucketKey: string, limit: RateLimit, nowMs: number) => shared.rateLimits.consume(bucketKey, limit, nowMs),
    purgeIdle: (beforeMs: number) => shared.rateLimits.purgeIdle(beforeMs),
    flush: () => store.flush(),
  };
  return { runner, store, handlers };
}

type Thread = ReturnType<typeof openThread>;
let thread: Thread | null = null;

type Result = [id: number, ok: boolean, value: unknown];

const runCall = async (active: Thread, { id, method, args }: WorkerCall): Promise<Result> => {
  try {
    return [id, true, await (active.handlers[method] as (...a: unknown[]) => Promise<unknown>)(...args)];
  } catch (error) {
    return [id, false, errorShape(error)];
  }
};

/**
 * One batch: the cache is revalidated once (every call in it arrived before), the calls'
 * durable writes share one transaction (group commit), and no answer is posted before it
 * has committed; if the commit fails, every call of the batch fails. Flushes run after,
 * on their own transactions.
 */
async function runCalls(active: Thread, calls: WorkerCall[]) {
  active.store.revalidate();
  active.runner.group.begin();
  let results = await Promise.all(calls.filter((c) => c.method !== "flush").map((c) => runCall(active, c)));
  try {
    active.runner.group.end();
  } catch (error) {
    active.store.dropCache(); // it may hold rows of the rolled-back writes
    results = results.map(([id]) => [id, false, errorShape(error)]);
  }
  for (const flush of calls.filter((c) => c.method === "flush")) results.push(await runCall(active, flush));
  post({ type: "results", results });
}

self.onmessage = (event) => {
  const message = JSON.parse(event.data) as ToWorker;
  if (message.type === "open") {
    thread = openThread(message);
    post({ type: "ready" });
  } else if (message.type === "calls" && thread !== null) {
    void runCalls(thread, message.calls);
  } else if (message.type === "stop") {
    void (async () => {
      try {
        await thread?.store.stop();
      } catch (error) {
        reportFailure("flush")(error);
      }
      thread?.runner.close();
      thread = null;
      post({ type: "stopped" });
    })();
  }
};
