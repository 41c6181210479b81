/**
 * Issue 15: what counting authorize outcomes for analytics costs the authorize thread,
 * before and after, side by side in one process (this machine is shared and noisy, so two
 * separate `bun bench/authorize.ts` runs differ by more than the effect).
 *
 *   bun bench/authorize-analytics-cost.ts                 # before = BENCH_BASE (default d10cf49, the commit analytics started from)
 *   BENCH_BASE=<commit> BENCH_ROUNDS=10 bun bench/authorize-analytics-cost.ts
 *
 * "before" is the authorize code of BENCH_BASE (git archive into a temp folder, its own
 * core and store imported next to this tree's); "after" is this tree. One seeded database
 * (as bench/authorize.ts seeds it: bound licenses with an open session, never-used ones),
 * copied for each. Each call runs the thread's way (revalidate, group begin, core's
 * authorizeAnswerer, group end), calls alternate between the two one by one, and each
 * store's write-behind is flushed every 200 calls inside that store's timing. CPU is this
 * process's user + system time. The mix is the worst case for the unique-licenses count:
 * most licenses are touched for the first time that day during the run.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { execSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { createClient } from "@libsql/client";
import { authorizeAnswerer, canonicalRequest, inProcessNonceStore, newLicenseKey, requestSignature, systemClock, uuidv7, type AuthorizeRawRequest } from "@geckoguard/core";
import { nativeRunner, sqlAuthorizeStore } from "@geckoguard/store-libsql";
import { startServer } from "../test/support/server-process.ts";
import { apiClient } from "../test/support/http-client.ts";
import { orgWithProduct, signUp } from "../test/support/accounts.ts";
import { issueApiKey } from "../test/support/api-keys.ts";
import { median } from "./support.ts";

const BASE = process.env.BENCH_BASE ?? "d10cf49";
const baseDir = mkdtempSync(join(tmpdir(), "gg-bench-base-"));
execSync(`git archive ${BASE} | tar -x -C ${baseDir}`, { cwd: join(import.meta.dir, "..") });
execSync("bun install --frozen-lockfile", { cwd: baseDir, stdio: "ignore" });
const baseCore = (await import(join(baseDir, "packages/core/src/index.ts"))) as typeof import("@geckoguard/core");
const baseStore = (await import(join(baseDir, "packages/store-libsql/src/index.ts"))) as typeof import("@geckoguard/store-libsql");

const LICENSES = Number(process.env.BENCH_LICENSES ?? 20_000);
const BOUND = LICENSES / 2;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const CALLS = Number(process.env.BENCH_CALLS ?? 4_000);
const PATH = "/v1/licenses/authorize";

const server = await startServer();
const api = apiClient(server.baseUrl);
const owner = await signUp(api);
const { productId } = await orgWithProduct(api, owner.token);
await api("PATCH", `/v1/dashboard/products/${productId}`, { token: owner.token, body: { policy: { maxSessions: 10, sessionTtlSeconds: 3600 } } });
const { key: apiKey } = await issueApiKey(api, owner.token, productId, ["license:authorize"]);
const file = join(server.dataDir, "geckoguard.db");
const db = createClient({ url: `file:${file}`, timeout: 30_000 });
const now = Date.now();
const keys = Array.from({ length: LICENSES }, () => newLicenseKey());
const sessions: string[] = [];
const tx = await db.transaction("write");
for (let i = 0; i < LICENSES; i++) {
  const id = uuidv7(now);
  await tx.execute({ sql: "INSERT INTO licenses (id, product_id, key, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)", args: [id, productId, keys[i]!, now, now] });
  if (i < BOUND) {
    sessions[i] = uuidv7(now);
    await tx.execute({ sql: "INSERT INTO license_hwids (license_id, hwid, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)", args: [id, `hw-${i}`, now, now] });
    await tx.execute({ sql: "INSERT INTO license_sessions (id, license_id, hwid, ip, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, '127.0.0.1', ?, ?, ?)", args: [sessions[i]!, id, `hw-${i}`, now, now, now + 3_600_000] });
  }
}
await tx.commit();
db.close();
await server.stop({ keepData: true });

const withoutFile = join(server.dataDir, "before.db");
const withFile = join(server.dataDir, "after.db");
copyFileSync(file, withoutFile);
copyFileSync(file, withFile);

type Code = { core: Pick<typeof import("@geckoguard/core"), "authorizeAnswerer" | "inProcessNonceStore">; store: Pick<typeof import("@geckoguard/store-libsql"), "nativeRunner" | "sqlAuthorizeStore"> };
function variant(name: string, path: string, code: Code) {
  const runner = code.store.nativeRunner(path, { busyTimeoutMs: 5000, synchronous: "normal", writeLock: null, cacheSizeKiB: 64 * 1024 });
  const store = code.store.sqlAuthorizeStore(runner, { flushIntervalMs: 1_000_000, onError: (error) => { throw error; }, revalidate: "by-caller" });
  const deps = { store, nonces: code.core.inProcessNonceStore(), clock: systemClock };
  let nextUnbound = BOUND;
  const request = (n: number): AuthorizeRawRequest => {
    let body: string;
    if (n % 10 === 0 && nextUnbound < LICENSES) {
      body = JSON.stringify({ licenseKey: keys[nextUnbound]!, hwid: `hw-${nextUnbound}` });
      nextUnbound++;
    } else {
      const b = Math.floor(Math.random() * BOUND);
      body = JSON.stringify({ licenseKey: keys[b]!, hwid: `hw-${b}`, sessionId: sessions[b]! });
    }
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(18).toString("base64url");
    return { headers: { apiKey, timestamp, nonce, signature: requestSignature(apiKey, canonicalRequest(timestamp, nonce, "POST", PATH, body)) }, pathWithQuery: PATH, body: { text: body }, clientIp: "127.0.0.1" };
  };
  return { name, runner, store, answer: code.core.authorizeAnswerer(deps), request };
}

const variants = [
  variant(`before (${BASE})`, withoutFile, { core: baseCore, store: baseStore }),
  variant("after (this tree)", withFile, { core: { authorizeAnswerer, inProcessNonceStore }, store: { nativeRunner, sqlAuthorizeStore } }),
];
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
const means: number[][] = variants.map(() => []);
for (let round = 0; round <= ROUNDS; round++) {
  const requests = variants.map((v) => Array.from({ length: CALLS }, (_, n) => v.request(round * CALLS + n)));
  const spent = variants.map(() => 0);
  for (let n = 0; n < CALLS; n++) {
    for (let step = 0; step < variants.length; step++) {
      const i = (n + step) % variants.length;
      const v = variants[i]!;
      const start = cpu();
      v.store.revalidate();
      v.runner.group.begin();
      const reply = await v.answer(requests[i]![n]!);
      v.runner.group.end();
      if (n % 200 === 199) await v.store.flush();
      spent[i]! += cpu() - start;
      if (reply.code !== null) throw new Error(`${v.name}: ${reply.code} ${reply.body}`);
    }
  }
  if (round > 0) spent.forEach((us, i) => means[i]!.push(us / CALLS)); // round 0 warms up
}
for (const v of variants) await v.store.flush();
const [without, withCounting] = means.map((m) => median(m));
for (const [i, v] of variants.entries()) console.log(`${v.name.padEnd(28)}: ${median(means[i]!).toFixed(1)} µs CPU per call (median of ${ROUNDS} rounds of ${CALLS}; rounds: ${means[i]!.map((m) => m.toFixed(1)).join(", ")})`);
console.log(`difference: ${(((withCounting! - without!) / without!) * 100).toFixed(1)} % (goal: within 5 %)`);
const check = createClient({ url: `file:${withFile}` });
const counted = (await check.execute("SELECT sum(count) AS n FROM authorize_outcome_days WHERE outcome = 'ALLOWED'")).rows[0]!.n;
const unique = (await check.execute("SELECT sum(licenses) AS n FROM authorized_license_days")).rows[0]!.n;
const touched = (await check.execute({ sql: "SELECT count(*) AS n FROM licenses WHERE last_authorized_at IS NOT NULL", args: [] })).rows[0]!.n;
console.log(`after: ${counted} ALLOWED counted for ${(ROUNDS + 1) * CALLS} calls; ${unique} unique licenses counted = ${touched} licenses authorized`);
check.close();
const diffs = means[0]!.map((w, r) => means[1]![r]! - w);
console.log(`per-round difference (after − before): ${diffs.map((d) => d.toFixed(1)).join(", ")} µs; median ${median(diffs).toFixed(1)} µs`);
for (const v of variants) v.runner.close();
rmSync(server.dataDir, { recursive: true, force: true });
rmSync(baseDir, { recursive: true, force: true });
