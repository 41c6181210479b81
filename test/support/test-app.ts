import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { Elysia } from "elysia";
import {
  aesGcmSecretBox,
  createIdempotency,
  createRateLimiter,
  inProcessIdempotencyStore,
  inProcessNonceStore,
  inProcessRateLimitStore,
  manualClock,
  MAX_PER_MIN,
  type GgContext,
  type Logger,
} from "@geckoguard/core";
import { argon2idHasher, jwtAccessTokens, systemResolveHost } from "@geckoguard/drivers";
import { clientRunner, createLibsqlStore, listOutbox, migrate, openDatabase, sqlAuthorizeStore, type GgDatabase } from "@geckoguard/store-libsql";
import { geckoguard } from "@geckoguard/elysia";
import { apiClient, type Api } from "./http-client.ts";

/** argon2id with tiny costs: route tests exercise the rules, not the hash strength. */
const FAST_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/**
 * Every request of `app.handle` comes from one unknown address and the clock only moves
 * by hand, so route tests get limits they cannot reach; rate limits have their own tests.
 */
const UNREACHABLE_LIMITS = {
  ipPerMin: MAX_PER_MIN,
  authIpPerMin: MAX_PER_MIN,
  authAccountPerMin: MAX_PER_MIN,
  apiKeyIpPerMin: MAX_PER_MIN,
  keyPerMin: MAX_PER_MIN,
  productPerMin: MAX_PER_MIN,
  licensePerMin: MAX_PER_MIN,
};

export interface LogLine {
  level: "info" | "warn" | "error";
  event: string;
  fields: Record<string, unknown>;
}

export interface TestApp {
  /** JSON client speaking to the app through `app.handle` (no port). */
  api: Api;
  /** Raw access for requests the JSON client cannot make (streams, odd headers). */
  handle(request: Request): Promise<Response>;
  clock: ReturnType<typeof manualClock>;
  context: GgContext;
  database: GgDatabase;
  /** Every log line the plugin and the mailer wrote. */
  logs: LogLine[];
  /** Number of rows in a table, to prove a refused request changed nothing. */
  count(table: string): Promise<number>;
  /** The newest single-use token of this kind (gg_ve, gg_pr) mailed to `to`. */
  mailedToken(to: string, prefix: "gg_ve" | "gg_pr"): Promise<string>;
  close(): Promise<void>;
}

/** The whole plugin on a fresh temp-file libSQL database, with a clock the test moves. */
export async function openTestApp(): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), "gg-route-"));
  const database = await openDatabase({ url: `file:${join(dir, "gg.db")}` });
  await migrate(database.client);
  const logs: LogLine[] = [];
  const logger: Logger = {
    info: (event, fields = {}) => logs.push({ level: "info", event, fields }),
    warn: (event, fields = {}) => logs.push({ level: "warn", event, fields }),
    error: (event, fields = {}) => logs.push({ level: "error", event, fields }),
  };
  const clock = manualClock(Date.now());
  const context: GgContext = {
    store: createLibsqlStore(database.db, { clock, mailLog: ({ event, ...fields }) => logger.info(event, fields) }),
    clock,
    passwords: argon2idHasher(FAST_ARGON2),
    accessTokens: jwtAccessTokens(new Uint8Array(randomBytes(32))),
    publicUrl: "http://localhost:8787",
    rateLimiter: createRateLimiter({ store: inProcessRateLimitStore(), clock, settings: UNREACHABLE_LIMITS }),
    idempotency: createIdempotency({ store: inProcessIdempotencyStore(), clock, fingerprintSecret: randomBytes(32) }),
    // Production URL rules (https, public addresses only); nothing is delivered in route tests.
    webhooks: {
      secrets: aesGcmSecretBox(new Uint8Array(randomBytes(32))),
      urlPolicy: { allowHttp: false, allowLoopback: false, resolveHost: systemResolveHost },
    },
  };
  const authorize = { store: sqlAuthorizeStore(clientRunner(database.client), { flushIntervalMs: 60_000, onError: () => {} }), nonces: inProcessNonceStore() };
  const app = new Elysia().use(geckoguard({ context, authorize, logger, version: "test" }));
  const handle = (request: Request) => app.handle(request);
  return {
    api: apiClient("http://localhost", (input, init) => handle(new Request(input, init))),
    handle,
    clock,
    context,
    database,
    logs,
    async count(table) {
      const result = await database.client.execute(`SELECT count(*) AS n FROM ${table}`);
      return Number(result.rows[0]!.n);
    },
    async mailedToken(to, prefix) {
      const mail = (await listOutbox(database.db, 100)).find((m) => m.to === to && m.body.includes(`${prefix}_`));
      const token = mail?.body.match(new RegExp(`${prefix}_[A-Za-z0-9_-]+`))?.[0];
      if (token === undefined) throw new Error(`no ${prefix} mail to ${to}`);
      return token;
    },
    async close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
