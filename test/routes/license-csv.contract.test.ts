import { afterAll, beforeAll, expect, test } from "bun:test";
import { FORMULA_TRIGGERS, formatCsvRow, toCsvFields } from "@geckoguard/core";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { tenantWithLicenses } from "../support/licensing-fixtures.ts";

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

/** The product's CSV lines as core writes them (reference) and as the adapter's SQL builds them. */
async function bothEncodings(productId: string) {
  const scope = { kind: "product" as const, productId };
  const now = Date.now();
  let expected = "";
  for await (const batch of app.context.store.licenses.scan(scope, {}, 2, now)) for (const view of batch) expected += formatCsvRow(toCsvFields(view));
  let actual = "";
  for await (const text of app.context.store.licenses.scanCsv(scope, {}, 3, now)) actual += text;
  return { expected, actual };
}

test("the adapter's SQL-built CSV lines equal core's reference encoding, awkward values included", async () => {
  const { owner, productId, licenses } = await tenantWithLicenses(app.api, 4);
  const patch = (i: number, body: object) => app.api("PATCH", `/v1/dashboard/licenses/${licenses[i]!.id}`, { token: owner.token, body });
  await patch(0, { note: ' lead space, "quotes"\r\nand CRLF ', metadata: { "k,1": 'v"2', nested: { a: [1, null, true] } }, maxHwids: 2, maxIps: 9, policy: { maxSessions: 5, hwidBinding: "off" } });
  await patch(1, { expiresAt: "2027-03-04T05:06:07.089Z", frozen: true, durationDays: 12 });
  await patch(2, { note: "plain", expiresAt: "1999-12-31T23:59:59.999Z", policy: { ipBinding: "on" } });
  await app.database.client.execute({
    sql: `UPDATE licenses SET last_authorized_at = ?, redeemed_at = ? WHERE id = ?`,
    args: [1_800_000_000_001, 1_700_000_000_000, licenses[3]!.id],
  });
  // Bound in this order (not sorted): both encodings list bindings in bind order.
  for (const hwid of ["hw-1", "hw,2", 'hw"3', "a-last"]) {
    await app.database.client.execute({ sql: `INSERT INTO license_hwids (license_id, hwid, first_seen_at, last_seen_at) VALUES (?, ?, 1, 1)`, args: [licenses[3]!.id, hwid] });
  }
  for (const ip of ["10.0.0.1", "::1"]) {
    await app.database.client.execute({ sql: `INSERT INTO license_ips (license_id, ip, first_seen_at, last_seen_at) VALUES (?, ?, 1, 1)`, args: [licenses[3]!.id, ip] });
  }
  const { expected, actual } = await bothEncodings(productId);
  expect(actual).toBe(expected);
  expect(actual.split("\n").length).toBeGreaterThan(4);
  expect(actual).toContain(`,"hw-1;hw,2;hw""3;a-last",10.0.0.1;::1,`);
});

test("both encodings apply the same formula guard to every text cell", async () => {
  const starts = [...FORMULA_TRIGGERS, "'"];
  const { productId, licenses } = await tenantWithLicenses(app.api, starts.length);
  for (const [i, start] of starts.entries()) {
    const value = `${start}SUM(A1)"quoted", ${start}`;
    await app.database.client.execute({
      sql: `UPDATE licenses SET key = ?, note = ?, metadata = ?, policy_overrides = ? WHERE id = ?`,
      args: [`${start}KEY-${i}`, value, JSON.stringify({ f: value }), JSON.stringify({ maxSessions: 2 }), licenses[i]!.id],
    });
    for (const hwid of [value, "b"]) {
      await app.database.client.execute({ sql: `INSERT INTO license_hwids (license_id, hwid, first_seen_at, last_seen_at) VALUES (?, ?, 1, 1)`, args: [licenses[i]!.id, hwid] });
    }
    await app.database.client.execute({ sql: `INSERT INTO license_ips (license_id, ip, first_seen_at, last_seen_at) VALUES (?, ?, 1, 1)`, args: [licenses[i]!.id, `${start}10.0.0.${i}`] });
  }
  const { expected, actual } = await bothEncodings(productId);
  expect(actual).toBe(expected);
  for (const start of starts) expect(expected).toContain(`'${start}KEY-`);
});
