/**
 * Issue 17 figures: what app versions and variables cost on the authorize path.
 *
 *   bun bench/app-data.ts        (BENCH_ROUNDS=8 rounds of BENCH_CALLS=1000 calls per variant)
 *
 * One process, the authorize routes through `app.handle` (no sockets, no load generator on
 * the same two cores), the authorize store on the same thread with its exact read cache,
 * as the authorize thread runs it. Four variants with pre-signed calls, alternating call by
 * call (bench/paired.ts) so background flushes, GC and a noisy neighbour land on all alike:
 * authorize heartbeats without `appVersion`, the same with `appVersion` (the product has 40
 * versions on two channels, two of them required), the variables call (20 product
 * variables, 2 overrides) and the latest-version call. CPU time of the process per call,
 * median round.
 */
import { Elysia } from "elysia";
import { inProcessNonceStore, silentLogger, systemClock, versionVerdict, type AuthorizeDeps } from "@geckoguard/core";
import { nativeRunner, sqlAuthorizeStore } from "@geckoguard/store-libsql";
import { geckoguardLifecycle } from "../packages/elysia/src/http/lifecycle.ts";
import { authorizeRoutes } from "../packages/elysia/src/routes/authorize.ts";
import { openTestApp } from "../test/support/test-app.ts";
import { authorizeFixture, signedHeaders } from "../test/support/signed-authorize.ts";
import { measurePaired } from "./paired.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const CALLS = Number(process.env.BENCH_CALLS ?? 1000);
const LICENSES = 50;
const APP_VERSION = "1.12.0";

const testApp = await openTestApp();
const f = await authorizeFixture(testApp.api, { maxSessions: 100 }, LICENSES);
const dashboard = (method: string, path: string, body: object) => testApp.api(method, path, { token: f.owner.token, body });
for (let minor = 0; minor < 20; minor++) {
  await dashboard("POST", `/v1/dashboard/products/${f.productId}/versions`, { version: `1.${minor}.0`, required: minor === 3 || minor === 9, notes: `Release 1.${minor}` });
  await dashboard("POST", `/v1/dashboard/products/${f.productId}/versions`, { version: `1.${minor}.0-beta.1`, channel: "beta" });
}
for (let i = 0; i < 20; i++) await dashboard("PUT", `/v1/dashboard/products/${f.productId}/variables/setting.${i}`, { value: `value ${i}`, secret: i % 5 === 0 });
for (const license of f.licenses) {
  await dashboard("PUT", `/v1/dashboard/licenses/${license.id}/variables/setting.1`, { value: "override" });
  await dashboard("PUT", `/v1/dashboard/licenses/${license.id}/variables/setting.2`, { value: "override" });
}

const path = String((await testApp.database.client.execute("PRAGMA database_list")).rows[0]!.file);
const runner = nativeRunner(path, { busyTimeoutMs: 5000, synchronous: "normal", writeLock: testApp.database.writeLock });
const store = sqlAuthorizeStore(runner, { flushIntervalMs: 500, onError: () => {} });
store.start();
const deps: AuthorizeDeps = { store, nonces: inProcessNonceStore(), clock: systemClock };
const app = new Elysia().use(geckoguardLifecycle(testApp.context, { trustedProxyHops: 0, logger: silentLogger })).use(authorizeRoutes(deps, { bodyLimitBytes: 1 << 20, logger: silentLogger }));

// One session per license; every measured authorize is a heartbeat of it.
const sessions: string[] = [];
for (const license of f.licenses) {
  const raw = JSON.stringify({ licenseKey: license.key, hwid: "bench-machine" });
  const opened = await app.handle(new Request("http://localhost/v1/licenses/authorize", { method: "POST", headers: signedHeaders(f.apiKey, raw), body: raw }));
  sessions.push(((await opened.json()) as { data: { session: { id: string } } }).data.session.id);
}

const signed = (route: string, body: (n: number) => object) => (n: number) => {
  const raw = JSON.stringify(body(n));
  return new Request(`http://localhost${route}`, { method: "POST", headers: signedHeaders(f.apiKey, raw, { path: route }), body: raw });
};
const session = (n: number) => ({ licenseKey: f.licenses[n % LICENSES]!.key, sessionId: sessions[n % LICENSES]! });
const handle = (request: Request) => app.handle(request);
const variants = [
  { name: "authorize heartbeat, no appVersion", handle, request: signed("/v1/licenses/authorize", (n) => ({ ...session(n), hwid: "bench-machine" })) },
  { name: "authorize heartbeat + appVersion", handle, request: signed("/v1/licenses/authorize", (n) => ({ ...session(n), hwid: "bench-machine", appVersion: APP_VERSION })) },
  { name: "POST /v1/licenses/variables", handle, request: signed("/v1/licenses/variables", session) },
  { name: "POST /v1/licenses/versions/latest", handle, request: signed("/v1/licenses/versions/latest", (n) => ({ ...session(n), currentVersion: APP_VERSION })) },
];
const results = await measurePaired(variants, ROUNDS, CALLS);

// The version verdict alone (core, pure), over the same catalogue as the store caches it.
const catalog = await store.versionCatalog(f.productId);
const license = { channels: ["stable"], updatesUntil: null, rejectUnknownVersions: false };
let verdictUs = Number.POSITIVE_INFINITY;
for (let round = 0; round < 5; round++) {
  const start = process.cpuUsage();
  for (let i = 0; i < 100_000; i++) versionVerdict(catalog, license, APP_VERSION);
  const { user, system } = process.cpuUsage(start);
  verdictUs = Math.min(verdictUs, (user + system) / 100_000);
}
await store.stop();
runner.close();
await testApp.close();

const base = results[0]!.usPerCall;
console.log(`\nCPU time per call through app.handle, ${variants.length} variants alternating call by call; median of ${ROUNDS} rounds of ${CALLS}, Bun ${Bun.version}\n`);
console.log("| variant | µs/call | vs authorize without appVersion |");
console.log("|---|---:|---:|");
for (const r of results) console.log(`| ${r.name} | ${r.usPerCall.toFixed(1)} | ${(r.usPerCall / base).toFixed(3)}× |`);
console.log(`\nThe version verdict alone (core, 40 versions cached): ${verdictUs.toFixed(2)} µs per call (${((verdictUs / base) * 100).toFixed(1)} % of authorize).`);
process.exit(0);
