/**
 * Issue 16: the subscription clock expires 100,000 due subscriptions (each freezing its
 * license) in under 30 s, and authorize keeps answering meanwhile.
 *
 *   bun bench/subscription-clock.ts
 *   BENCH_SUBSCRIPTIONS=20000 bun bench/subscription-clock.ts
 *
 * One server process (authorize on its own thread, the default). The subscriptions and
 * their licenses are seeded straight into the database, due a few seconds in the future;
 * a closed loop of signed authorize calls (heartbeats of open sessions) runs from before
 * they fall due until after the clock has expired them all. Latencies of calls made
 * before the due time ("without") and of calls started while the clock ran ("during",
 * the window the clock's own log line reports) are put side by side.
 */
import { createClient } from "@libsql/client";
import { join } from "node:path";
import { newLicenseKey, uuidv7 } from "@geckoguard/core";
import { startServer } from "../test/support/server-process.ts";
import { apiClient } from "../test/support/http-client.ts";
import { authorizeCall, authorizeFixture } from "../test/support/signed-authorize.ts";

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DUE_IN_MS = 12_000;
const UNLIMITED = "1000000000";

const server = await startServer({
  env: {
    GG_RATE_LIMIT_KEY_PER_MIN: UNLIMITED,
    GG_RATE_LIMIT_PRODUCT_PER_MIN: UNLIMITED,
    GG_RATE_LIMIT_APIKEY_IP_PER_MIN: UNLIMITED,
    GG_RATE_LIMIT_LICENSE_PER_MIN: UNLIMITED,
    GG_SUBSCRIPTION_CLOCK_MS: "500",
    GG_LOG_LEVEL: "info",
  },
});
const db = createClient({ url: `file:${join(server.dataDir, "geckoguard.db")}`, timeout: 30_000 });
try {
  const api = apiClient(server.baseUrl);
  const f = await authorizeFixture(api, { maxSessions: 100, sessionTtlSeconds: 3600, hwidBinding: "off" }, 16);
  const endUser = (await api("POST", `/v1/dashboard/orgs/${f.orgId}/end-users`, { token: f.owner.token, body: { username: "bench" } })).body.data.endUser.id as string;
  const plan = (await api("POST", `/v1/dashboard/products/${f.productId}/plans`, { token: f.owner.token, body: { name: "Bench", interval: "month", priceCents: 100, currency: "USD", graceDays: 0 } })).body.data.plan.id as string;

  // Seed: SUBSCRIPTIONS past_due subscriptions, each with its own license, not yet due
  // (due_at NULL); once all are in, one UPDATE makes them due at `dueAt`.
  const seedStart = performance.now();
  const now = Date.now();
  const later = now + 86_400_000;
  const tx = await db.transaction("write");
  for (let start = 0; start < SUBSCRIPTIONS; start += 500) {
    const licenseRows: string[] = [];
    const licenseArgs: (string | number)[] = [];
    const subscriptionRows: string[] = [];
    const subscriptionArgs: (string | number)[] = [];
    for (let i = start; i < Math.min(start + 500, SUBSCRIPTIONS); i++) {
      const licenseId = uuidv7(now);
      licenseRows.push("(?, ?, ?, 'active', 0, ?, '{}', '{}', ?, ?, ?)");
      licenseArgs.push(licenseId, f.productId, newLicenseKey(), later, endUser, now, now);
      subscriptionRows.push("(?, ?, ?, ?, ?, 'past_due', ?, 0, ?, ?, 0, NULL, 'freeze', 0, 100, 'USD', 0, ?, ?)");
      subscriptionArgs.push(uuidv7(now), f.productId, plan, endUser, licenseId, now, now, later, now, now);
    }
    await tx.execute({
      sql: `INSERT INTO licenses (id, product_id, key, status, frozen, expires_at, policy_overrides, metadata, end_user_id, created_at, updated_at) VALUES ${licenseRows.join(",")}`,
      args: licenseArgs,
    });
    await tx.execute({
      sql: `INSERT INTO subscriptions (id, product_id, plan_id, end_user_id, license_id, status, anchor_at, period_index, current_period_start, current_period_end,
              cancel_at_period_end, due_at, due_action, license_frozen_by_billing, price_cents, currency, revision, created_at, updated_at) VALUES ${subscriptionRows.join(",")}`,
      args: subscriptionArgs,
    });
  }
  await tx.commit();
  const seedMs = performance.now() - seedStart;
  const dueAt = Date.now() + DUE_IN_MS;
  await db.execute({ sql: "UPDATE subscriptions SET due_at = ?, current_period_end = ? WHERE product_id = ?", args: [dueAt, dueAt, f.productId] });
  await db.execute({ sql: "UPDATE licenses SET expires_at = ? WHERE product_id = ? AND end_user_id = ?", args: [dueAt, f.productId, endUser] });

  // Open one session per license, then heartbeat them in a closed loop.
  const sessions = await Promise.all(
    f.licenses.map(async (license, i) => {
      const opened = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: license.key, hwid: `hw-${i}` });
      if (opened.status !== 200) throw new Error(`authorize ${opened.status}: ${opened.raw}`);
      return { licenseKey: license.key, hwid: `hw-${i}`, sessionId: (opened.body as { data: { session: { id: string } } }).data.session.id };
    }),
  );
  const calls: { at: number; ms: number; status: number }[] = [];
  let stop = false;
  const worker = async (w: number) => {
    for (let n = w; !stop; n += CONCURRENCY) {
      const at = Date.now();
      const started = performance.now();
      const answer = await authorizeCall(server.baseUrl, f.apiKey, sessions[n % sessions.length]!);
      calls.push({ at, ms: performance.now() - started, status: answer.status });
    }
  };
  const load = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));

  const remaining = async () => Number((await db.execute("SELECT count(*) AS n FROM subscriptions WHERE due_at IS NOT NULL")).rows[0]!.n);
  while ((await remaining()) > 0) {
    if (Date.now() > dueAt + 120_000) throw new Error("the clock did not finish within 2 minutes");
    await Bun.sleep(250);
  }
  await Bun.sleep(1000);
  stop = true;
  await Promise.all(load);

  const line = server.output.map((l) => (l.includes('"subscriptions.expired"') ? (JSON.parse(l) as { time?: string; ts?: string; count: number; ms: number }) : null)).find((l) => l !== null);
  if (!line) throw new Error("no subscriptions.expired log line");
  const frozen = Number((await db.execute({ sql: "SELECT count(*) AS n FROM licenses WHERE product_id = ? AND frozen = 1", args: [f.productId] })).rows[0]!.n);
  const endedAt = Date.parse(line.time ?? line.ts ?? "");
  const window = { from: endedAt - line.ms, to: endedAt };
  const percentile = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  };
  const summary = (label: string, list: typeof calls) => {
    const ms = list.map((c) => c.ms);
    return `| ${label} | ${list.length} | ${percentile(ms, 50).toFixed(2)} | ${percentile(ms, 99).toFixed(2)} | ${Math.max(...ms).toFixed(2)} | ${list.filter((c) => c.status !== 200).length} |`;
  };
  const without = calls.filter((c) => c.at < dueAt - 500);
  const during = calls.filter((c) => c.at >= window.from && c.at <= window.to);
  console.log(`seeded ${SUBSCRIPTIONS} due subscriptions (+ licenses) in ${Math.round(seedMs)} ms`);
  console.log(`clock: expired ${line.count} subscriptions in ${line.ms} ms (${Math.round((line.count / line.ms) * 1000)}/s); licenses frozen: ${frozen}`);
  console.log(`authorize, ${CONCURRENCY} concurrent heartbeats over ${sessions.length} sessions (ms):`);
  console.log("| window | calls | p50 | p99 | max | non-200 |\n|---|---|---|---|---|---|");
  console.log(summary("without the clock (before the due time)", without));
  console.log(summary("during the clock's sweep", during));
} finally {
  db.close();
  await server.stop();
}
