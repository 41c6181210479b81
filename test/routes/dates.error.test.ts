import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { expectError, openTestApp, type TestApp } from "../support/test-app.ts";
import { tenantWithEveryScope, type Tenant } from "../support/route-requests.ts";
import { signedHeaders } from "../support/signed-authorize.ts";

const PAST_JS_RANGE = "+275760-09-13T00:00:00.000Z";
const LAST_DAY = "9999-12-31T00:00:00.000Z";
const DAY_MS = 86_400_000;

/** Dates stay within 1970 … 9999 (docs/errors.md, "Dates"); a bad stored one never takes a list down. */
describe("dates out of range", () => {
  let t: TestApp;
  let tenant: Tenant;
  let base: string;
  beforeAll(async () => {
    t = await openTestApp();
    tenant = await tenantWithEveryScope(t);
    base = `/v1/dashboard/orgs/${tenant.orgId}/licenses`;
  });
  afterAll(() => t.close());

  const create = async (body: object) => t.api("POST", base, { token: tenant.token, body: { productId: tenant.productId, ...body } });
  const createOne = async (body: object) => {
    const created = await create(body);
    expect(created.status).toBe(201);
    return created.body.data.licenses[0] as { id: string; key: string; expiresAt: string | null };
  };
  const details = (response: { body: any }) => response.body.error.details.map((d: { path: string }) => d.path);

  test("a timestamp past year 9999 is refused on create, management create, PATCH and import", async () => {
    const before = await t.count("licenses");
    for (const expiresAt of [PAST_JS_RANGE, "10000-01-01T00:00:00.000Z", "9999-12-31T23:00:00.000-05:00", "1969-12-31T23:59:59.000Z"]) {
      const answer = await create({ expiresAt });
      expectError(answer, 400, "VALIDATION_ERROR");
      expect(details(answer)).toContain("/expiresAt");
      if (expiresAt === PAST_JS_RANGE) expect(answer.body.error.details[0].message).toBe("Expected ISO-8601 UTC timestamp between 1970 and 9999 or null");
      const management = await t.api("POST", `/v1/products/${tenant.productId}/licenses`, { headers: { "x-api-key": tenant.apiKey }, body: { expiresAt } });
      expectError(management, 400, "VALIDATION_ERROR");
    }
    const license = await createOne({});
    const patched = await t.api("PATCH", `/v1/dashboard/licenses/${license.id}`, { token: tenant.token, body: { expiresAt: PAST_JS_RANGE } });
    expectError(patched, 400, "VALIDATION_ERROR");
    expect(details(patched)).toContain("/expiresAt");
    const imported = await t.api("POST", `${base}/import`, {
      token: tenant.token,
      body: { productId: tenant.productId, licenses: [{ key: "IMPORTED-DATE-1", expiresAt: PAST_JS_RANGE }] },
    });
    expectError(imported, 400, "VALIDATION_ERROR");
    expect(await t.count("licenses")).toBe(before + 1);
    expect((await t.api("GET", `/v1/dashboard/licenses/${license.id}`, { token: tenant.token })).body.data.license.expiresAt).toBeNull();
  });

  test("extending past 9999-12-31 is a 400 naming days, and changes nothing", async () => {
    const license = await createOne({ expiresAt: LAST_DAY });
    const answer = await t.api("POST", `${base}/extend`, { token: tenant.token, body: { ids: [license.id], days: 1 } });
    expectError(answer, 400, "VALIDATION_ERROR");
    expect(details(answer)).toContain("/days");
    expect((await t.api("GET", `/v1/dashboard/licenses/${license.id}`, { token: tenant.token })).body.data.license.expiresAt).toBe(LAST_DAY);
  });

  test("extending a not-yet-started duration past 36500 days is a 400", async () => {
    const license = await createOne({ durationDays: 36500 });
    const answer = await t.api("POST", `${base}/extend`, { token: tenant.token, body: { ids: [license.id], days: 1 } });
    expectError(answer, 400, "VALIDATION_ERROR");
    expect(details(answer)).toContain("/days");
    expect((await t.api("GET", `/v1/dashboard/licenses/${license.id}`, { token: tenant.token })).body.data.license.durationDays).toBe(36500);
  });

  test("an unfreeze that would push expiresAt past 9999 is a 400 and the license stays frozen", async () => {
    const license = await createOne({ expiresAt: "9999-12-30T00:00:00.000Z" });
    expect((await t.api("POST", `${base}/freeze`, { token: tenant.token, body: { ids: [license.id] } })).status).toBe(200);
    // Three days frozen (moved in the row: moving the app's clock would expire the access token).
    await t.database.client.execute({ sql: "UPDATE licenses SET frozen_at = frozen_at - ? WHERE id = ?", args: [3 * DAY_MS, license.id] });
    const bulk = await t.api("POST", `${base}/unfreeze`, { token: tenant.token, body: { ids: [license.id] } });
    expectError(bulk, 400, "VALIDATION_ERROR");
    expect(details(bulk)).toContain("/expiresAt");
    const patched = await t.api("PATCH", `/v1/dashboard/licenses/${license.id}`, { token: tenant.token, body: { frozen: false } });
    expectError(patched, 400, "VALIDATION_ERROR");
    const stored = (await t.api("GET", `/v1/dashboard/licenses/${license.id}`, { token: tenant.token })).body.data.license;
    expect({ frozen: stored.frozen, expiresAt: stored.expiresAt }).toEqual({ frozen: true, expiresAt: "9999-12-30T00:00:00.000Z" });
  });

  test("a bad value already in the database breaks no read: GET, list, exports and authorize", async () => {
    const far = await createOne({});
    const junk = await createOne({});
    const fine = await createOne({ expiresAt: "2999-01-01T00:00:00.000Z" });
    // What an overflowing extension stored before the bound existed, and a value that is no number at all.
    await t.database.client.execute({ sql: "UPDATE licenses SET expires_at = ?, frozen_at = ? WHERE id = ?", args: [8.64e15 + DAY_MS, 9e15, far.id] });
    await t.database.client.execute({ sql: "UPDATE licenses SET expires_at = 'garbage' WHERE id = ?", args: [junk.id] });

    const one = await t.api("GET", `/v1/dashboard/licenses/${far.id}`, { token: tenant.token });
    expect(one.status).toBe(200);
    expect(one.body.data.license.expiresAt).toBe("9999-12-31T23:59:59.999Z");
    expect(one.body.data.license.state).toBe("valid");
    const list = await t.api("GET", `${base}?pageSize=1000`, { token: tenant.token });
    expect(list.status).toBe(200);
    const listed = new Map(list.body.data.licenses.map((l: { id: string; expiresAt: string; state: string }) => [l.id, l]));
    expect(listed.get(junk.id)).toMatchObject({ expiresAt: "1970-01-01T00:00:00.000Z", state: "expired" });
    expect(listed.get(fine.id)).toMatchObject({ expiresAt: "2999-01-01T00:00:00.000Z" });
    const management = await t.api("GET", `/v1/products/${tenant.productId}/licenses?pageSize=200`, { headers: { "x-api-key": tenant.apiKey } });
    expect(management.status).toBe(200);

    const csv = await t.handle(new Request(`http://localhost${base}/export?format=csv`, { headers: { authorization: `Bearer ${tenant.token}` } }));
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines.length).toBe(list.body.data.pagination.total + 1);
    expect(lines.find((line) => line.startsWith(far.key))).toContain("9999-12-31T23:59:59.999Z");
    const json = await t.handle(new Request(`http://localhost${base}/export?format=json`, { headers: { authorization: `Bearer ${tenant.token}` } }));
    expect(json.status).toBe(200);
    expect(JSON.parse(await json.text()).data.licenses.length).toBe(list.body.data.pagination.total);

    const raw = JSON.stringify({ licenseKey: far.key, hwid: "machine-1" });
    const authorize = await t.handle(new Request("http://localhost/v1/licenses/authorize", { method: "POST", headers: signedHeaders(tenant.apiKey, raw), body: raw }));
    expect(authorize.status).toBe(200);
    expect(((await authorize.json()) as any).data.license.expiresAt).toBe("9999-12-31T23:59:59.999Z");

    // Extending the far one is refused rather than overflowing again.
    expectError(await t.api("POST", `${base}/extend`, { token: tenant.token, body: { ids: [far.id], days: 1 } }), 400, "VALIDATION_ERROR");
    expect(t.logs.filter((line) => line.level === "error")).toEqual([]);
  });
});
