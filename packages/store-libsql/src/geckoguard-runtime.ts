import { createHmac } from "node:crypto";
import {
  aesGcmSecretBox,
  cachedProductLimits,
  createIdempotency,
  createRateLimiter,
  silentLogger,
  systemClock,
  type AuthorizeAnswerer,
  type AuthorizeDeps,
  type Clock,
  type GgContext,
  type Logger,
  type PasswordHasher,
  type RateLimitSettings,
} from "@geckoguard/core";
import { argon2idHasher, jwtAccessTokens, systemResolveHost } from "@geckoguard/drivers";
import { openDatabase, type GgDatabase } from "./open-database.ts";
import { migrate } from "./migrations/migrate.ts";
import { createLibsqlStore } from "./store.ts";
import { clientRunner, nativeRunner, type SqlRunner } from "./authorize/sql-runner.ts";
import { sqlAuthorizeStore } from "./authorize/authorize-store.ts";
import { startAuthorizeThread, type AuthorizeThread } from "./authorize/authorize-thread.ts";
import { sharedStateStores, type SharedStateMode } from "./shared-state-stores.ts";

export interface GeckoguardRuntimeOptions {
  /** `file:./data/geckoguard.db` (embedded), `libsql://…` / `http(s)://…` (remote). */
  databaseUrl: string;
  databaseAuthToken?: string;
  /** With a `file:` URL: keep the file as an embedded replica of this primary. */
  databaseSyncUrl?: string;
  /** Seconds between background pulls of an embedded replica (0 or unset: at open and after its own writes only). */
  databaseSyncIntervalSeconds?: number;
  /** Signs access tokens; at least 32 bytes, the same in every process of a deployment. */
  jwtSecret: Uint8Array;
  /** Base URL put in mailed links (verification, password reset). */
  publicUrl: string;
  /** Where rate limits, idempotency records and nonces live: this process (default) or the database every process shares. */
  sharedState?: SharedStateMode;
  /** Deployment-wide rate limits; unset ones keep their defaults (docs/authentication.md#rate-limits). */
  rateLimits?: Partial<RateLimitSettings>;
  /** SQLite `synchronous` for the authorize path's writes on an embedded file (default normal). */
  synchronous?: "normal" | "full";
  /**
   * Embedded file on Bun: run the authorize path's SQLite work on a worker thread
   * (default) or on this thread ("main"; always so on Node and with a remote database).
   */
  authorizeThread?: "worker" | "main";
  /** The worker's module when bundled (default: next to its source). */
  authorizeWorkerUrl?: string;
  /** Webhook URLs may be http:// and loopback addresses (GG_ALLOW_HTTP_WEBHOOKS=1; development only). */
  allowInsecureWebhooks?: boolean;
  logger?: Logger;
  /** Default: argon2id at OWASP parameters. */
  passwords?: PasswordHasher;
  clock?: Clock;
}

/** What `geckoguard(...)` needs (context, authorize), the database, and how to close it all. */
export interface GeckoguardRuntime {
  database: GgDatabase;
  context: GgContext;
  /** The authorize path's ports (it runs on the HTTP thread), or its answerer on the authorize thread. */
  authorize: Omit<AuthorizeDeps, "clock"> | { answer: AuthorizeAnswerer };
  appliedMigrations: string[];
  /** Flushes batched writes and closes every connection. */
  close(): Promise<void>;
}

/** Embedded file: the synchronous engine for the hot path; remote and replica: the client. */
function hotPathRunner(options: GeckoguardRuntimeOptions, database: GgDatabase): SqlRunner {
  if (database.mode !== "embedded") return clientRunner(database.client);
  return nativeRunner(embeddedPath(options), { busyTimeoutMs: 5000, synchronous: options.synchronous ?? "normal", writeLock: database.writeLock });
}

const embeddedPath = (options: GeckoguardRuntimeOptions) => options.databaseUrl.slice("file:".length).split("?")[0]!;

/** The authorize thread where it can run (embedded file, Bun, not turned off); null otherwise or when it cannot start. */
async function authorizeThread(options: GeckoguardRuntimeOptions, database: GgDatabase, logger: Logger): Promise<AuthorizeThread | null> {
  const onBun = typeof (globalThis as { Bun?: unknown }).Bun !== "undefined";
  if (database.mode !== "embedded" || !onBun || (options.authorizeThread ?? "worker") !== "worker") return null;
  try {
    return await startAuthorizeThread({
      path: embeddedPath(options),
      workerUrl: options.authorizeWorkerUrl,
      synchronous: options.synchronous ?? "normal",
      busyTimeoutMs: 5000,
      flushIntervalMs: FLUSH_INTERVAL_MS,
      sharedState: options.sharedState ?? "memory",
      rateLimits: options.rateLimits ?? {},
      onError: (what, error) => logger.error(`authorize.${what}_failed`, { errorClass: (error as { name?: string })?.name }),
    });
  } catch (error) {
    // A bundle without the worker's entry point still serves, on this thread.
    logger.warn("authorize.worker_unavailable", { message: (error as Error)?.message });
    return null;
  }
}

/** Heartbeats and lastAuthorizedAt are written at least this often (the issue allows 1 s). */
const FLUSH_INTERVAL_MS = 500;

/**
 * The composition root on libSQL, shared by the self-host server and embedding hosts:
 * opens the database, migrates it and wires the ports. Runs on Bun and Node.
 */
export async function openGeckoguardRuntime(options: GeckoguardRuntimeOptions): Promise<GeckoguardRuntime> {
  const logger = options.logger ?? silentLogger;
  const database = await openDatabase({
    url: options.databaseUrl,
    authToken: options.databaseAuthToken,
    syncUrl: options.databaseSyncUrl,
    syncIntervalSeconds: options.databaseSyncIntervalSeconds,
  });
  let thread: AuthorizeThread | null = null;
  try {
    const appliedMigrations = await migrate(database.client);
    const clock = options.clock ?? systemClock;
    const store = createLibsqlStore(database.db, {
      clock,
      mailLog: (line) => logger.info(line.event, { mailId: line.mailId, to: line.to, subject: line.subject }),
    });
    const runner = hotPathRunner(options, database);
    const shared = sharedStateStores(options.sharedState ?? "memory", runner);
    thread = await authorizeThread(options, database, logger);
    // In-process mode with the authorize thread: its buckets are the process's buckets.
    const rateLimits = thread !== null && (options.sharedState ?? "memory") === "memory" ? thread.rateLimits : shared.rateLimits;
    const context: GgContext = {
      store,
      clock,
      passwords: options.passwords ?? argon2idHasher(),
      accessTokens: jwtAccessTokens(options.jwtSecret),
      publicUrl: options.publicUrl,
      rateLimiter: createRateLimiter({
        store: rateLimits,
        clock,
        settings: options.rateLimits,
        productLimits: cachedProductLimits(async (productId) => (await store.products.find(productId))?.policy.rateLimits ?? null, clock),
        logger,
      }),
      idempotency: createIdempotency({
        store: shared.idempotency,
        clock,
        // Its own key, derived from the JWT secret that every process of a deployment shares.
        fingerprintSecret: createHmac("sha256", options.jwtSecret).update("geckoguard idempotency fingerprints").digest(),
        logger,
      }),
      webhooks: {
        // Endpoint secrets are sealed under a key derived from the JWT secret (docs/webhooks.md).
        secrets: aesGcmSecretBox(options.jwtSecret),
        urlPolicy: {
          allowHttp: options.allowInsecureWebhooks ?? false,
          allowLoopback: options.allowInsecureWebhooks ?? false,
          resolveHost: systemResolveHost,
        },
      },
    };
    if (thread !== null) {
      const running = thread;
      return {
        database,
        context,
        authorize: { answer: running.answer },
        appliedMigrations,
        async close() {
          await running.stop();
          runner.close();
          database.close();
        },
      };
    }
    const onError = (error: unknown) => logger.error("authorize.flush_failed", { errorClass: (error as { name?: string })?.name });
    const authorizeStore = sqlAuthorizeStore(runner, { flushIntervalMs: FLUSH_INTERVAL_MS, onError });
    authorizeStore.start();
    return {
      database,
      context,
      authorize: { store: authorizeStore, nonces: shared.nonces },
      appliedMigrations,
      async close() {
        await authorizeStore.stop();
        runner.close();
        database.close();
      },
    };
  } catch (error) {
    await thread?.stop();
    database.close();
    throw error;
  }
}
