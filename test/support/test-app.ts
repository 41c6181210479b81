import { afterAll, beforeAll, expect } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { Elysia } from "elysia";
import { manualClock, MAX_PER_MIN, RATE_LIMIT_KNOBS, type GgContext, type Logger, type RateLimitSettings } from "@geckoguard/core";
import { argon2idHasher } from "@geckoguard/drivers";
import { listOutbox, type GgDatabase } from "@geckoguard/store-libsql";
import { createGeckoguard, type CreateGeckoguardOptions, type Geckoguard } from "@geckoguard/runtime";
import { orgWithProduct, signUp } from "./accounts.ts";
import { apiClient, type Api, type ApiResponse } from "./http-client.ts";

/** argon2id with tiny costs: route tests exercise the rules, not the hash strength. */
const FAST_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/**
 * Every request of `app.handle` comes from one unknown address and the clock only moves
 * by hand, so route tests get limits they cannot reach; rate limits have their own tests.
 */
const UNREACHABLE_LIMITS = Object.fromEntries(Object.keys(RATE_LIMIT_KNOBS).map((knob) => [knob, MAX_PER_MIN])) as RateLimitSettings;

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
  /** The plugin itself, for tests that mount it in a host app of their own. */
  plugin: Geckoguard["plugin"];
  context: GgContext;
  database: GgDatabase;
  /** Every log line the plugin and the mailer wrote. */
  logs: LogLine[];
  /** Number of rows in a table, to prove a refused request changed nothing. */
  count(table: string): Promise<number>;
  /** The newest single-use token of this kind (gg_ve, gg_pr, gg_inv) mailed to `to`. */
  mailedToken(to: string, prefix: "gg_ve" | "gg_pr" | "gg_inv"): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole runtime (createGeckoguard, as every host builds it) on a fresh temp-file
 * database, swapped through its options only: a clock the test moves (authorize then
 * runs on this thread), fast argon2, limits no test reaches, open sign-up, log lines
 * captured, and no webhook delivery (route tests keep production URL rules; nothing is sent).
 */
export async function openTestApp(mount: Pick<CreateGeckoguardOptions, "prefix" | "version" | "registration" | "trustedProxyHops" | "metrics" | "actionPages" | "subscriptions"> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), "gg-route-"));
  const logs: LogLine[] = [];
  const logger: Logger = {
    info: (event, fields = {}) => logs.push({ level: "info", event, fields }),
    warn: (event, fields = {}) => logs.push({ level: "warn", event, fields }),
    error: (event, fields = {}) => logs.push({ level: "error", event, fields }),
  };
  const clock = manualClock(Date.now());
  const runtime = await createGeckoguard({
    databaseUrl: `file:${join(dir, "gg.db")}`,
    jwtSecret: new Uint8Array(randomBytes(32)),
    publicUrl: "http://localhost:8787",
    clock,
    passwords: argon2idHasher(FAST_ARGON2),
    rateLimits: UNREACHABLE_LIMITS,
    webhooks: { worker: false },
    // Route tests sign up many accounts; the sign-up policy has its own tests.
    registration: "open",
    logger,
    version: "test",
    ...mount,
  });
  const { context, database } = runtime;
  const app = new Elysia().use(runtime.plugin);
  const handle = (request: Request) => app.handle(request);
  return {
    api: apiClient("http://localhost", (input, init) => handle(new Request(input, init))),
    handle,
    clock,
    plugin: runtime.plugin,
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
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RouteTest {
  /** Usable at once; answers once the app has started (in beforeAll). */
  api: Api;
  app: TestApp;
  /** Access token of the owner of `orgId`, which holds `productId`. */
  owner: string;
  orgId: string;
  productId: string;
}

/** Registers beforeAll/afterAll for a describe block: the test app, an owner, an org and a product. */
export function routeTestSetup(): RouteTest {
  const setup = { api: ((...args) => setup.app.api(...args)) as Api } as RouteTest;
  beforeAll(async () => {
    setup.app = await openTestApp();
    setup.owner = (await signUp(setup.api)).token;
    Object.assign(setup, await orgWithProduct(setup.api, setup.owner));
  });
  afterAll(() => setup.app.close());
  return setup;
}

/** The status and error code of an answer, compared together so a failure shows both. */
export function expectError(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code });
}
