/**
 * Issue 5 figures: authorize throughput and latency against a bare Elysia JSON echo,
 * measured the same way (wrk, 32 connections, pre-signed requests replayed once each).
 *
 *   bun bench/authorize.ts                    # 200k requests
 *   BENCH_REQUESTS=400000 bun bench/authorize.ts
 *
 * Mix: one call in ten opens a session (and binds the HWID of a never-used license), the
 * rest heartbeat an open one, over 100,000 licenses so the 20/min per-license limit is not
 * what is measured. Afterwards the database must hold exactly the sessions and bindings
 * the answers reported.
 *
 * Every call reports `appVersion` (BENCH_APP_VERSION, default 1.10.0; `none` leaves it
 * out) against a product with 20 released versions, two of them required, so the version
 * check (docs/versions.md) is part of what is measured. bench/app-data.ts measures it
 * against authorize without it, side by side in one process.
 */
import { createClient } from "@libsql/client";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { canonicalRequest, newLicenseKey, requestSignature, uuidv7 } from "@geckoguard/core";
import { startServer } from "../test/support/server-process.ts";
import { apiClient } from "../test/support/http-client.ts";
import { orgWithProduct, signUp } from "../test/support/accounts.ts";
import { issueApiKey } from "../test/support/api-keys.ts";
import { ensureWrk, runWrk } from "./wrk.ts";
import { threadCpuMs } from "./thread-cpu.ts";

const LICENSES = Number(process.env.BENCH_LICENSES ?? 100_000);
const BOUND = LICENSES / 2;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200_000);
const WRK = { threads: 2, connections: 32, maxSeconds: Number(process.env.BENCH_MAX_SECONDS ?? 40) };
const UNLIMITED = "1000000000";
const APP_VERSION = process.env.BENCH_APP_VERSION ?? "1.10.0";
const reported = APP_VERSION === "none" ? {} : { appVersion: APP_VERSION };

ensureWrk();
const server = await startServer({
  env: { GG_RATE_LIMIT_KEY_PER_MIN: UNLIMITED, GG_RATE_LIMIT_PRODUCT_PER_MIN: UNLIMITED, GG_RATE_LIMIT_APIKEY_IP_PER_MIN: UNLIMITED, GG_LOG_LEVEL: "info",
    // Compare the hot path on its own thread (default) with GG_AUTHORIZE_THREAD=main.
    ...(process.env.GG_AUTHORIZE_THREAD ? { GG_AUTHORIZE_THREAD: process.env.GG_AUTHORIZE_THREAD } : {}) },
});
const api = apiClient(server.baseUrl);
const db = createClient({ url: `file:${join(server.dataDir, "geckoguard.db")}`, timeout: 30_000 });
try {
  const owner = await signUp(api);
  const { productId } = await orgWithProduct(api, owner.token);
  await api("PATCH", `/v1/dashboard/products/${productId}`, { token: owner.token, body: { policy: { maxSessions: 10, sessionTtlSeconds: 3600 } } });
  const { key: apiKey } = await issueApiKey(api, owner.token, productId, ["license:authorize"]);
  for (let minor = 0; minor < 20; minor++) {
    await api("POST", `/v1/dashboard/products/${productId}/versions`, { token: owner.token, body: { version: `1.${minor}.0`, required: minor === 3 || minor === 9 } });
  }

  // Seed: licenses 0..BOUND-1 bound to hw-i with one open session each; the rest never used.
  const now = Date.now();
  const keys = Array.from({ length: LICENSES }, () => newLicenseKey());
  const sessions: string[] = [];
  const tx = await db.transaction("write");
  for (let start = 0; start < LICENSES; start += 500) {
    const licenseValues: string[] = [];
    const licenseArgs: (string | number)[] = [];
    const sessionValues: string[] = [];
    const sessionArgs: (string | number)[] = [];
    const hwidValues: string[] = [];
    const hwidArgs: (string | number)[] = [];
    for (let i = start; i < Math.min(start + 500, LICENSES); i++) {
      const id = uuidv7(now);
      licenseValues.push("(?, ?, ?, 'active', 0, '{}', '{}', ?, ?)");
      licenseArgs.push(id, productId, keys[i]!, now, now);
      if (i < BOUND) {
        hwidValues.push("(?, ?, ?, ?)");
        hwidArgs.push(id, `hw-${i}`, now, now);
        const sessionId = uuidv7(now);
        sessions[i] = sessionId;
        sessionValues.push("(?, ?, ?, '127.0.0.1', ?, ?, ?)");
        sessionArgs.push(sessionId, id, `hw-${i}`, now, now, now + 3_600_000);
      }
    }
    await tx.execute({ sql: `INSERT INTO licenses (id, product_id, key, status, frozen, policy_overrides, metadata, created_at, updated_at) VALUES ${licenseValues.join(",")}`, args: licenseArgs });
    if (hwidValues.length > 0) {
      await tx.execute({ sql: `INSERT INTO license_hwids (license_id, hwid, first_seen_at, last_seen_at) VALUES ${hwidValues.join(",")}`, args: hwidArgs });
    }
    if (sessionValues.length > 0) {
      await tx.execute({ sql: `INSERT INTO license_sessions (id, license_id, hwid, ip, created_at, last_seen_at, expires_at) VALUES ${sessionValues.join(",")}`, args: sessionArgs });
    }
  }
  await tx.commit();

  // Pre-sign every request just before the run: fresh nonces, current timestamp.
  const generatedAt = Date.now();
  const timestamp = String(Math.floor(generatedAt / 1000));
  const lines: string[] = [];
  let nextUnbound = BOUND;
  for (let r = 0; r < REQUESTS; r++) {
    let body: string;
    if (r % 10 === 0 && nextUnbound < LICENSES) {
      body = JSON.stringify({ licenseKey: keys[nextUnbound]!, hwid: `hw-${nextUnbound}`, ...reported });
      nextUnbound++;
    } else {
      const b = Math.floor(Math.random() * BOUND);
      body = JSON.stringify({ licenseKey: keys[b]!, hwid: `hw-${b}`, sessionId: sessions[b]!, ...reported });
    }
    const nonce = randomBytes(18).toString("base64url");
    lines.push(`${body}\t${timestamp}\t${nonce}\t${requestSignature(apiKey, canonicalRequest(timestamp, nonce, "POST", "/v1/licenses/authorize", body))}`);
  }
  const requestsFile = join(server.dataDir, "requests.tsv");
  const knownFile = join(server.dataDir, "sessions.txt");
  await Bun.write(requestsFile, lines.join("\n") + "\n");
  await Bun.write(knownFile, sessions.join("\n") + "\n");
  const sessionsBefore = Number((await db.execute("SELECT count(*) AS n FROM license_sessions")).rows[0]!.n);

  const cpuBefore = threadCpuMs(server.process.pid);
  const authorize = runWrk(`${server.baseUrl}/v1/licenses/authorize`, { GG_BENCH_REQUESTS: requestsFile, GG_BENCH_KNOWN_SESSIONS: knownFile, GG_BENCH_KEY: apiKey }, WRK);
  const cpuAfter = threadCpuMs(server.process.pid);
  await Bun.sleep(1500); // heartbeats are flushed within a second
  const sessionsAfter = Number((await db.execute("SELECT count(*) AS n FROM license_sessions")).rows[0]!.n);
  const boundAfter = Number((await db.execute({ sql: "SELECT count(DISTINCT h.license_id) AS n FROM license_hwids h JOIN licenses l ON l.id = h.license_id WHERE l.product_id = ?", args: [productId] })).rows[0]!.n);

  const echo = Bun.spawn([process.execPath, join(import.meta.dir, "echo-server.ts")], { stdout: "pipe" });
  const echoLine = (await new Response(echo.stdout).body!.getReader().read()).value!;
  const echoPort = (JSON.parse(new TextDecoder().decode(echoLine).split("\n")[0]!) as { port: number }).port;
  const baseline = runWrk(`http://127.0.0.1:${echoPort}/echo`, { GG_BENCH_REQUESTS: requestsFile, GG_BENCH_KNOWN_SESSIONS: "", GG_BENCH_KEY: "none" }, WRK);
  echo.kill();

  const f = (n: number) => n.toFixed(2);
  console.log(`echo      : ${Math.round(baseline.rps)} req/s, p50 ${f(baseline.p50_ms)} ms, p99 ${f(baseline.p99_ms)} ms, non-2xx ${baseline.non2xx}`);
  console.log(`authorize : ${Math.round(authorize.rps)} req/s, p50 ${f(authorize.p50_ms)} ms, p99 ${f(authorize.p99_ms)} ms, non-2xx ${authorize.non2xx}`);
  console.log(`ratio     : ${(authorize.rps / baseline.rps).toFixed(3)} × echo (goal ≥ 0.5), p99 goal ≤ 10 ms`);
  const answered = authorize.answers;
  const perCall = (name: string) => (((cpuAfter.get(name) ?? 0) - (cpuBefore.get(name) ?? 0)) * 1000) / answered;
  console.log(`server CPU: ${[...cpuAfter.keys()].filter((name) => perCall(name) >= 1).map((name) => `${name} ${perCall(name).toFixed(0)} µs`).join(", ")} per answered call`);
  console.log(`sessions  : +${sessionsAfter - sessionsBefore} in the database, ${authorize.opened} opened by answers`);
  console.log(`bindings  : +${boundAfter - BOUND} new HWID bindings in the database, ${authorize.opened} first-time opens answered`);
  const events = new Map<string, number>();
  for (const line of server.output) {
    const event = /"event":"([^"]+)"/.exec(line)?.[1] ?? "other";
    events.set(event, (events.get(event) ?? 0) + 1);
  }
  console.log(`server log: ${JSON.stringify(Object.fromEntries(events))}`);
} finally {
  db.close();
  await server.stop();
}
