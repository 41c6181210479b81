/**
 * Issue 15: GET /v1/dashboard/orgs/:orgId/analytics for an org with 100,000 licenses and
 * 90 days of authorize counts (goal: < 100 ms), measured over HTTP against the real server.
 *
 *   bun bench/analytics.ts
 *   BENCH_LICENSES=20000 bun bench/analytics.ts
 *
 * Seed (straight into the database, in one transaction): three products; licenses spread
 * over the last 120 days of creation, one in ten revoked, one in twenty frozen, one in ten
 * expired, half bound to an HWID with a live session; per product and day for 90 days, the
 * ALLOWED count, four denial codes and a unique-licenses row. Then 40 requests of the
 * default range (30 days) and 40 of a 90-day range, one at a time; the figures are the
 * medians and p95 of the round trip.
 */
import { createClient } from "@libsql/client";
import { join } from "node:path";
import { newLicenseKey, uuidv7 } from "@geckoguard/core";
import { startServer } from "../test/support/server-process.ts";
import { apiClient } from "../test/support/http-client.ts";
import { orgWithProduct, signUp } from "../test/support/accounts.ts";
import { median } from "./support.ts";

const LICENSES = Number(process.env.BENCH_LICENSES ?? 100_000);
const DAYS = 90;
const REQUESTS = 40;
const DAY_MS = 86_400_000;

const server = await startServer();
const api = apiClient(server.baseUrl);
const db = createClient({ url: `file:${join(server.dataDir, "geckoguard.db")}`, timeout: 30_000 });
try {
  const owner = await signUp(api);
  const { orgId, productId } = await orgWithProduct(api, owner.token);
  const productIds = [productId];
  for (const name of ["Second", "Third"]) {
    const created = await api("POST", "/v1/dashboard/products", { token: owner.token, body: { orgId, name } });
    productIds.push(created.body.data.product.id);
  }

  const now = Date.now();
  const today = Math.floor(now / DAY_MS);
  const seedStart = performance.now();
  const tx = await db.transaction("write");
  for (let start = 0; start < LICENSES; start += 500) {
    const licenses: string[] = [];
    const licenseArgs: (string | number | null)[] = [];
    const hwids: string[] = [];
    const hwidArgs: (string | number)[] = [];
    const sessions: string[] = [];
    const sessionArgs: (string | number)[] = [];
    for (let i = start; i < Math.min(start + 500, LICENSES); i++) {
      const createdAt = now - (i % 120) * DAY_MS;
      const id = uuidv7(createdAt);
      const status = i % 10 === 0 ? "revoked" : "active";
      const frozen = i % 20 === 1 ? 1 : 0;
      const expiresAt = i % 10 === 2 ? now - DAY_MS : now + 30 * DAY_MS;
      licenses.push("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
      licenseArgs.push(id, productIds[i % 3]!, newLicenseKey(), status, frozen, expiresAt, i % 2 === 0 ? now - 3600_000 : null, createdAt, createdAt);
      if (i % 2 === 0) {
        hwids.push("(?, ?, ?, ?)");
        hwidArgs.push(id, `hw-${i}`, now, now);
        sessions.push("(?, ?, ?, ?, ?, ?)");
        sessionArgs.push(uuidv7(now), id, `hw-${i}`, now, now, now + 3_600_000);
      }
    }
    await tx.execute({ sql: `INSERT INTO licenses (id, product_id, key, status, frozen, expires_at, last_authorized_at, created_at, updated_at) VALUES ${licenses.join(",")}`, args: licenseArgs });
    await tx.execute({ sql: `INSERT INTO license_hwids (license_id, hwid, first_seen_at, last_seen_at) VALUES ${hwids.join(",")}`, args: hwidArgs });
    await tx.execute({ sql: `INSERT INTO license_sessions (id, license_id, hwid, created_at, last_seen_at, expires_at) VALUES ${sessions.join(",")}`, args: sessionArgs });
  }
  for (const id of productIds) {
    for (let day = today - DAYS + 1; day <= today; day++) {
      for (const [outcome, n] of [["ALLOWED", 20_000], ["HWID_MISMATCH", 300], ["LICENSE_EXPIRED", 200], ["LICENSE_NOT_FOUND", 50], ["MAX_SESSIONS_REACHED", 20]] as const) {
        await tx.execute({ sql: "INSERT INTO authorize_outcome_days (product_id, day, outcome, count) VALUES (?, ?, ?, ?)", args: [id, day, outcome, n] });
      }
      await tx.execute({ sql: "INSERT INTO authorized_license_days (product_id, day, licenses) VALUES (?, ?, ?)", args: [id, day, 15_000] });
    }
  }
  await tx.commit();
  console.log(`seeded ${LICENSES} licenses, ${LICENSES / 2} HWIDs and live sessions, ${DAYS} days × 3 products of counts in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const from90 = new Date((today - DAYS + 1) * DAY_MS).toISOString().slice(0, 10);
  for (const [label, query] of [["default range (30 days)", ""], [`90 days (from ${from90})`, `?from=${from90}`], ["90 days, one product", `?from=${from90}&productId=${productId}`]] as const) {
    const times: number[] = [];
    let data: any;
    for (let r = 0; r < REQUESTS; r++) {
      const start = performance.now();
      const answer = await api("GET", `/v1/dashboard/orgs/${orgId}/analytics${query}`, { token: owner.token });
      times.push(performance.now() - start);
      if (answer.status !== 200) throw new Error(`analytics answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      data = answer.body.data;
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
    console.log(`${label.padEnd(28)}: median ${median(times).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, min ${times[0]!.toFixed(1)} ms (goal < 100 ms); total ${data.licenses.total}, ${data.series.length} days, ${data.series.at(-1).authorizations} authorizations today`);
  }
  console.log(`load average at the end: ${(await Bun.file("/proc/loadavg").text()).split(" ").slice(0, 3).join(" ")}`);
} finally {
  db.close();
  await server.stop();
}
