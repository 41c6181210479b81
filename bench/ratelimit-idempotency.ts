/**
 * Issue 4 figures: what the rate limiter and the Idempotency-Key check cost per request.
 *
 *   bun bench/ratelimit-idempotency.ts      (BENCH_SECONDS=2 per wrk run, BENCH_ROUNDS=3)
 *
 * 1. wrk over loopback against a bare Elysia POST echoing JSON, the same echo under
 *    GeckoGuard's request lifecycle, then with the per-IP limiter and the Idempotency-Key
 *    check of a JWT route (in-process and shared adapters). The echo is the cheapest
 *    handler there is, so these ratios are the worst case. Variants run interleaved,
 *    round after round, each keeping its best round.
 * 2. POST /v1/licenses/authorize through app.handle, without and with its buckets, calls
 *    alternating between them (bench/paired.ts); and the limiter alone in CPU time.
 */
import { Elysia } from "elysia";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import {
  createIdempotency,
  createRateLimiter,
  inProcessIdempotencyStore,
  inProcessRateLimitStore,
  MAX_PER_MIN,
  silentLogger,
  systemClock,
  type GgContext,
  type IdempotencyStore,
  type RateLimitStore,
} from "@geckoguard/core";
import { argon2idHasher, jwtAccessTokens } from "@geckoguard/drivers";
import { createLibsqlStore, migrate, nativeRunner, openDatabase, sharedIdempotencyStore, sharedRateLimitStore } from "@geckoguard/store-libsql";
import { ok } from "../packages/elysia/src/index.ts";
import { geckoguardLifecycle, jsonBodies } from "../packages/elysia/src/http/lifecycle.ts";
import { limitByIp } from "../packages/elysia/src/http/rate-limit.ts";
import { checkIdempotencyKey } from "../packages/elysia/src/http/idempotency.ts";
import { ensureWrk } from "./wrk.ts";
import { runWrkPost, type WrkPostResult } from "./wrk-post.ts";
import { measureAuthorizeLimits, measureLimiterAlone } from "./authorize-limits.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;
const BODY = JSON.stringify({ licenseKey: "GG-ABCDE-FGHIJ-KLMNO-PQRST-UVWXY", hwid: "4c4c4544-0042-3510-8052-b7c04f4e3732", appVersion: "1.2.3" });

ensureWrk();
const dir = mkdtempSync(join(tmpdir(), "gg-bench-"));
const database = await openDatabase({ url: `file:${join(dir, "gg.db")}` });
await migrate(database.client);
// As runtime.ts does for GG_SHARED_STATE=database: the hot-path connection.
const runner = nativeRunner(join(dir, "gg.db"), { busyTimeoutMs: 5000, synchronous: "normal", writeLock: database.writeLock });

function contextWith(rateLimits: RateLimitStore, idempotency: IdempotencyStore): GgContext {
  const clock = systemClock;
  return {
    store: createLibsqlStore(database.db, { clock, mailLog: () => {} }),
    clock,
    passwords: argon2idHasher(),
    accessTokens: jwtAccessTokens(randomBytes(32)),
    publicUrl: "http://127.0.0.1",
    registration: "open",
    // Far above what one machine sends: the bench measures the checks, not refusals.
    rateLimiter: createRateLimiter({ store: rateLimits, clock, settings: { ipPerMin: MAX_PER_MIN } }),
    idempotency: createIdempotency({ store: idempotency, clock, fingerprintSecret: randomBytes(32) }),
  };
}

/** The echo under GeckoGuard's lifecycle; with `checks`, the limiter and Idempotency-Key check of a JWT route. */
function geckoguardEcho(ctx: GgContext, checks: boolean) {
  const app = new Elysia().use(geckoguardLifecycle(ctx, { trustedProxyHops: 0, logger: silentLogger })).use(jsonBodies(1 << 20));
  if (!checks) return app.post("/echo", ({ body }) => ok(body));
  return app.post("/echo", ({ body }) => ok(body), {
    transform: limitByIp(ctx),
    beforeHandle: (context) => checkIdempotencyKey(ctx, context, "user:bench"),
  });
}

const inProcess = contextWith(inProcessRateLimitStore(), inProcessIdempotencyStore());
const shared = contextWith(sharedRateLimitStore(runner), sharedIdempotencyStore(runner));
const variants = [
  { name: "bare Elysia echo", app: new Elysia().post("/echo", ({ body }) => ok(body)), uniqueKeys: false },
  { name: "GeckoGuard lifecycle, no checks", app: geckoguardEcho(inProcess, false), uniqueKeys: false },
  { name: "+ rate limit, in-process", app: geckoguardEcho(inProcess, true), uniqueKeys: false },
  { name: "+ rate limit + Idempotency-Key, in-process", app: geckoguardEcho(inProcess, true), uniqueKeys: true },
  { name: "+ rate limit, shared database", app: geckoguardEcho(shared, true), uniqueKeys: false },
  { name: "+ rate limit + Idempotency-Key, shared database", app: geckoguardEcho(shared, true), uniqueKeys: true },
].map((variant) => {
  const app = variant.app as unknown as Elysia;
  const server = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: (request) => app.handle(request) });
  app.server = server; // as serve.ts does: the lifecycle reads client IPs through it
  return { ...variant, server, url: `http://127.0.0.1:${server.port}/echo` };
});

const run = (url: string, uniqueKeys: boolean, seconds: number) => runWrkPost({ url, body: BODY, uniqueKeys, seconds, connections: CONNECTIONS });
for (const { url, uniqueKeys } of variants) await run(url, uniqueKeys, 1); // warm-up
const best: WrkPostResult[] = variants.map(() => ({ requestsPerSecond: 0, p50Ms: 0, p99Ms: 0, non2xx: 0 }));
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, { url, uniqueKeys }] of variants.entries()) {
    const result = await run(url, uniqueKeys, SECONDS);
    if (result.requestsPerSecond > best[i]!.requestsPerSecond) best[i] = result;
  }
}
for (const { server } of variants) await server.stop(true);

runner.close();
database.close();
rmSync(dir, { recursive: true, force: true });

console.log(`\n1. wrk: best of ${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections, -t1, loopback, Bun ${Bun.version}\n`);
console.log("| variant | req/s | µs/req | p50 ms | p99 ms | vs bare | vs lifecycle | non-2xx |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const [i, r] of best.entries()) {
  const ratio = (base: number) => (r.requestsPerSecond / best[base]!.requestsPerSecond).toFixed(3);
  const cells = [variants[i]!.name, Math.round(r.requestsPerSecond), (1e6 / r.requestsPerSecond).toFixed(1), r.p50Ms.toFixed(2), r.p99Ms.toFixed(2), ratio(0), ratio(1), r.non2xx];
  console.log(`| ${cells.join(" | ")} |`);
}

const AUTHORIZE_ROUNDS = 2 * ROUNDS;
const authorize = await measureAuthorizeLimits(AUTHORIZE_ROUNDS, 1000);
console.log(`\n2. POST /v1/licenses/authorize (heartbeats) through app.handle, CPU time, each variant paired with the route without limits, calls alternating; median of ${AUTHORIZE_ROUNDS} rounds of 1000\n`);
console.log("| variant | µs/call | without limits, same run | added |");
console.log("|---|---:|---:|---:|");
for (const r of authorize) {
  const added = r.usPerCall - r.baseline;
  console.log(`| ${r.name} | ${r.usPerCall.toFixed(1)} | ${r.baseline.toFixed(1)} | ${added.toFixed(1)} µs (${((added / r.baseline) * 100).toFixed(1)} %) |`);
}
const base = authorize[0]!.baseline;
const alone = await measureLimiterAlone(100_000);
console.log(`\nThe in-process limiter alone (core, four buckets per authorize): ${alone.toFixed(2)} µs per call (${((alone / base) * 100).toFixed(1)} % of authorize).`);
process.exit(0);
