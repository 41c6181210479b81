/**
 * Issue 16 figure: an end user's portal login costs what a dashboard login costs, one
 * argon2id verify at the deployment's parameters (OWASP: m = 19 MiB, t = 2, p = 1), and
 * an unknown login pays the same (one verify of a dummy hash).
 *
 *   bun bench/portal-login.ts            (BENCH_LOGINS=40 of each kind)
 *
 * The whole runtime (createGeckoguard with its default argon2id hasher) on a temp
 * database, called through `app.handle` so the figure is the login path, not the network.
 * The three kinds alternate call by call, so the machine's load moves them together.
 */
import { Elysia } from "elysia";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { MAX_PER_MIN, RATE_LIMIT_KNOBS, silentLogger, type RateLimitSettings } from "@geckoguard/core";
import { argon2idHasher } from "@geckoguard/drivers";
import { createGeckoguard } from "@geckoguard/runtime";
import { median, timed } from "./support.ts";

const LOGINS = Number(process.env.BENCH_LOGINS ?? 40);
const PASSWORD = "correct horse battery";
// The login buckets (5 a minute per account) would stop the run: raised for it.
const NO_LIMITS = Object.fromEntries(Object.keys(RATE_LIMIT_KNOBS).map((knob) => [knob, MAX_PER_MIN])) as RateLimitSettings;

const dir = mkdtempSync(join(tmpdir(), "gg-bench-portal-"));
const runtime = await createGeckoguard({
  databaseUrl: `file:${join(dir, "gg.db")}`,
  jwtSecret: new Uint8Array(randomBytes(32)),
  publicUrl: "http://localhost:8787",
  registration: "open",
  rateLimits: NO_LIMITS,
  webhooks: { worker: false },
  logger: silentLogger,
});
const app = new Elysia().use(runtime.plugin);

async function call(method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await app.handle(new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  const answer = (await response.json()) as { ok: boolean; data: any; error?: { code: string } };
  return { status: response.status, ...answer };
}

try {
  await call("POST", "/v1/auth/register", { email: "vendor@example.com", password: PASSWORD });
  const vendor = (await call("POST", "/v1/auth/login", { email: "vendor@example.com", password: PASSWORD })).data.accessToken;
  const orgId = (await call("POST", "/v1/dashboard/orgs", { name: "Acme" }, vendor)).data.org.id;
  await call("PATCH", `/v1/dashboard/orgs/${orgId}/portal`, { enabled: true, selfRegistration: true }, vendor);
  const registered = await call("POST", "/v1/enduser/auth/register", { orgId, email: "ada@example.com", username: "ada", password: PASSWORD });
  if (registered.status !== 201) throw new Error(`set-up failed: ${JSON.stringify(registered)}`);

  const kinds = {
    "dashboard login": { path: "/v1/auth/login", body: { email: "vendor@example.com", password: PASSWORD }, status: 200 },
    "end-user login": { path: "/v1/enduser/auth/login", body: { orgId, login: "ada", password: PASSWORD }, status: 200 },
    "end-user login, unknown login": { path: "/v1/enduser/auth/login", body: { orgId, login: "nobody", password: PASSWORD }, status: 401 },
  };
  const times: Record<string, number[]> = Object.fromEntries([...Object.keys(kinds), "argon2id verify alone"].map((kind) => [kind, []]));
  // The hasher the runtime uses by default, on its own: what the logins are bounded by.
  const hasher = argon2idHasher();
  const hash = await hasher.hash(PASSWORD);
  for (const { path, body } of Object.values(kinds)) await call("POST", path, body); // warm-up
  for (let i = 0; i < LOGINS; i++) {
    for (const [kind, { path, body, status }] of Object.entries(kinds)) {
      const { ms, value } = await timed(() => call("POST", path, body));
      if (value.status !== status) throw new Error(`${kind}: answered ${value.status}`);
      times[kind]!.push(ms);
    }
    times["argon2id verify alone"]!.push((await timed(() => hasher.verify(hash, PASSWORD))).ms);
  }
  const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]!;
  console.log(`${LOGINS} logins of each kind, alternating (ms)`);
  for (const [kind, values] of Object.entries(times)) {
    console.log(`  ${kind.padEnd(30)} median ${median(values).toFixed(1).padStart(6)}   p90 ${p90(values).toFixed(1).padStart(6)}`);
  }
  const ratio = median(times["end-user login"]!) / median(times["dashboard login"]!);
  console.log(`  end-user / dashboard median: ${ratio.toFixed(2)}`);
} finally {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
}
