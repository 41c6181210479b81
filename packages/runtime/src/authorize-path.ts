import type { AuthorizeAnswerer, AuthorizeDeps, Logger, RateLimitStore } from "@geckoguard/core";
import { nativeRunner, clientRunner, sqlAuthorizeStore, startAuthorizeThread, type GgDatabase, type SqlRunner } from "@geckoguard/store-libsql";
import { RUNTIME_DEFAULTS, type CreateGeckoguardOptions } from "./options.ts";

/** Heartbeats and lastAuthorizedAt are written at least this often. */
const FLUSH_INTERVAL_MS = 500;
const BUSY_TIMEOUT_MS = 5000;

const embeddedPath = (databaseUrl: string) => databaseUrl.slice("file:".length).split("?")[0]!;
const errorClass = (error: unknown) => (error as { name?: string })?.name;

/** Embedded file: the synchronous engine for the hot path; remote and replica: the client. */
export function hotPathRunner(options: CreateGeckoguardOptions, database: GgDatabase): SqlRunner {
  if (database.mode !== "embedded") return clientRunner(database.client);
  const synchronous = options.synchronous ?? RUNTIME_DEFAULTS.synchronous;
  return nativeRunner(embeddedPath(options.databaseUrl), { busyTimeoutMs: BUSY_TIMEOUT_MS, synchronous, writeLock: database.writeLock });
}

/** How the plugin runs authorize calls, the buckets the rest of the process shares with them, and how to stop it. */
export interface AuthorizePath {
  deps: Omit<AuthorizeDeps, "clock" | "rateLimiter"> | { answer: AuthorizeAnswerer };
  /** The thread's buckets (in-process mode: one set per process), or null: the caller's own. */
  threadBuckets: RateLimitStore | null;
  /** Flushes the batched writes and stops. */
  stop(): Promise<void>;
}

/**
 * The authorize thread where it can run (embedded file, Bun, the system clock, not
 * turned off), else the authorize store on this thread. A thread that cannot start (a
 * bundle without its entry point) falls back to this thread.
 */
export async function startAuthorizePath(
  options: CreateGeckoguardOptions,
  database: GgDatabase,
  runner: SqlRunner,
  local: { nonces: AuthorizeDeps["nonces"] },
  logger: Logger,
): Promise<AuthorizePath> {
  const onBun = typeof (globalThis as { Bun?: unknown }).Bun !== "undefined";
  const wanted = (options.authorizeThread ?? RUNTIME_DEFAULTS.authorizeThread) === "worker" && options.clock === undefined;
  if (database.mode === "embedded" && onBun && wanted) {
    try {
      const sharedState = options.sharedState ?? RUNTIME_DEFAULTS.sharedState;
      const thread = await startAuthorizeThread({
        path: embeddedPath(options.databaseUrl),
        workerUrl: options.authorizeWorkerUrl,
        synchronous: options.synchronous ?? RUNTIME_DEFAULTS.synchronous,
        busyTimeoutMs: BUSY_TIMEOUT_MS,
        flushIntervalMs: FLUSH_INTERVAL_MS,
        sharedState,
        rateLimits: options.rateLimits ?? {},
        onError: (what, error) => logger.error(`authorize.${what}_failed`, { errorClass: errorClass(error) }),
      });
      return { deps: { answer: thread.answer }, threadBuckets: sharedState === "memory" ? thread.rateLimits : null, stop: () => thread.stop() };
    } catch (error) {
      logger.warn("authorize.worker_unavailable", { message: (error as Error)?.message });
    }
  }
  const onError = (error: unknown) => logger.error("authorize.flush_failed", { errorClass: errorClass(error) });
  const store = sqlAuthorizeStore(runner, { flushIntervalMs: FLUSH_INTERVAL_MS, onError });
  store.start();
  return { deps: { store, nonces: local.nonces }, threadBuckets: null, stop: () => store.stop() };
}
