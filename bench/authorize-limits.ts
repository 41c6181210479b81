/**
 * Part of bench/ratelimit-idempotency.ts: what the API-key and per-license buckets add
 * to POST /v1/licenses/authorize, measured through `app.handle` (no sockets, no load
 * generator on the same two cores): the same kind of pre-signed heartbeat calls against
 * the authorize route without limits, with the in-process limiter, and with the shared
 * one, and the limiter alone in CPU time.
 */
import { Elysia } from "elysia";
import {
  createRateLimiter,
  inProcessNonceStore,
  inProcessRateLimitStore,
  MAX_PER_MIN,
  silentLogger,
  systemClock,
  type AuthorizeDeps,
  type RateLimitStore,
} from "@geckoguard/core";
import { nativeRunner, sharedRateLimitStore, sqlAuthorizeStore } from "@geckoguard/store-libsql";
import { geckoguardLifecycle } from "../packages/elysia/src/http/lifecycle.ts";
import { authorizeRoutes } from "../packages/elysia/src/routes/authorize.ts";
import { openTestApp } from "../test/support/test-app.ts";
import { authorizeFixture, signedHeaders } from "../test/support/signed-authorize.ts";
import { measurePaired } from "./paired.ts";

const LICENSES = 50;

/** CPU time of this process (user + system), µs: steadier than wall time on a shared machine. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}
const UNREACHABLE = { keyPerMin: MAX_PER_MIN, productPerMin: MAX_PER_MIN, apiKeyIpPerMin: MAX_PER_MIN, licensePerMin: MAX_PER_MIN };

export async function measureAuthorizeLimits(rounds: number, callsPerRound: number) {
  const testApp = await openTestApp();
  const f = await authorizeFixture(testApp.api, { maxSessions: 100 }, LICENSES);
  const path = String((await testApp.database.client.execute("PRAGMA database_list")).rows[0]!.file);
  const runner = nativeRunner(path, { busyTimeoutMs: 5000, synchronous: "normal", writeLock: testApp.database.writeLock });
  const authorizeStore = sqlAuthorizeStore(runner, { flushIntervalMs: 500, onError: () => {} });
  authorizeStore.start();

  const deps: AuthorizeDeps = { store: authorizeStore, nonces: inProcessNonceStore(), clock: systemClock };
  const limiter = (store: RateLimitStore) => createRateLimiter({ store, clock: systemClock, settings: UNREACHABLE });
  const variants = [
    { name: "authorize, no rate limits", deps },
    { name: "authorize + limits, in-process", deps: { ...deps, rateLimiter: limiter(inProcessRateLimitStore()) } },
    { name: "authorize + limits, shared database", deps: { ...deps, rateLimiter: limiter(sharedRateLimitStore(runner)) } },
  ].map((variant) => ({
    ...variant,
    app: new Elysia()
      .use(geckoguardLifecycle(testApp.context, { trustedProxyHops: 0, logger: silentLogger }))
      .use(authorizeRoutes(variant.deps, { bodyLimitBytes: 1 << 20, logger: silentLogger })),
  }));

  // One session per license, opened through the plugin; the measured calls are heartbeats.
  const sessions: string[] = [];
  const call = (url: string, init: RequestInit) => testApp.handle(new Request(url, init));
  for (const license of f.licenses) {
    const raw = JSON.stringify({ licenseKey: license.key, hwid: "bench-machine" });
    const opened = await call("http://localhost/v1/licenses/authorize", { method: "POST", headers: signedHeaders(f.apiKey, raw), body: raw });
    sessions.push(((await opened.json()) as { data: { session: { id: string } } }).data.session.id);
  }
  const signedCall = (n: number) => {
    const raw = JSON.stringify({ licenseKey: f.licenses[n % LICENSES]!.key, hwid: "bench-machine", sessionId: sessions[n % LICENSES] });
    return new Request("http://localhost/v1/licenses/authorize", { method: "POST", headers: signedHeaders(f.apiKey, raw), body: raw });
  };
  // Each limiter against the bare route in its own pairing: the shared one's writes do not
  // disturb the in-process comparison.
  const asPaired = ({ name, app }: (typeof variants)[number]) => ({ name, handle: (request: Request) => app.handle(request), request: signedCall });
  const [bare, inProcess, shared] = variants;
  const [bareA, inProcessResult] = await measurePaired([asPaired(bare!), asPaired(inProcess!)], rounds, callsPerRound);
  const [bareB, sharedResult] = await measurePaired([asPaired(bare!), asPaired(shared!)], rounds, callsPerRound);
  const results = [
    { ...inProcessResult!, baseline: bareA!.usPerCall },
    { ...sharedResult!, baseline: bareB!.usPerCall },
  ];
  await authorizeStore.stop();
  runner.close();
  await testApp.close();
  return results;
}

/** The in-process limiter alone (core, no HTTP): authorize's four buckets per call. */
export async function measureLimiterAlone(calls: number): Promise<number> {
  const limiter = createRateLimiter({ store: inProcessRateLimitStore(), clock: systemClock, settings: UNREACHABLE });
  const productId = "0198c0de-0000-7000-8000-000000000001";
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const start = cpuMicros();
    for (let i = 0; i < calls; i++) {
      await limiter.enforceApiKeyLimits({ ip: "203.0.113.7", apiKeyId: "0198c0de-0000-7000-8000-000000000002", productId });
      await limiter.enforceLicenseLimit({ productId, licenseKey: `GG-BENCH-${i % LICENSES}` });
    }
    best = Math.min(best, (cpuMicros() - start) / calls);
  }
  return best;
}
