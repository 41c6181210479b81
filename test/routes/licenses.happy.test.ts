import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { tenantWithLicenses } from "../support/licensing-fixtures.ts";

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe("licenses through the dashboard", () => {
  test("create several in one call with keys from the grouped Crockford alphabet", async () => {
    const { licenses } = await tenantWithLicenses(app.api, 5);
    expect(licenses).toHaveLength(5);
    for (const l of licenses) expect(l.key).toMatch(/^GG(-[0-9A-HJKMNP-TV-Z]{5}){5}$/);
    expect(new Set(licenses.map((l) => l.key)).size).toBe(5);
  });

  test("patch freeze/unfreeze, overrides, note and metadata; get shows owner fields", async () => {
    const { owner, licenses } = await tenantWithLicenses(app.api, 1);
    const id = licenses[0]!.id;
    const patched = await app.api("PATCH", `/v1/dashboard/licenses/${id}`, {
      token: owner.token,
      body: { expiresAt: "2030-01-01T00:00:00.000Z", frozen: true, maxHwids: 4, policy: { ipBinding: "on" }, note: "vip", metadata: { plan: "pro" } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data.license).toMatchObject({ state: "frozen", maxHwids: 4, note: "vip", metadata: { plan: "pro" }, endUserId: null });
    expect(patched.body.data.license.policy.ipBinding).toBe("on");
    const got = await app.api("GET", `/v1/dashboard/licenses/${id}`, { token: owner.token });
    expect(got.body.data.license).toMatchObject({ frozen: true, expiresAt: "2030-01-01T00:00:00.000Z", endUserUsername: null });
  });

  test("list filters: status, frozen, search, endUserId, and the cross-org list", async () => {
    const { owner, orgId, licenses } = await tenantWithLicenses(app.api, 4);
    const [a, b, c] = licenses;
    await app.api("POST", `/v1/dashboard/licenses/${a!.id}/revoke`, { token: owner.token });
    await app.api("POST", `/v1/dashboard/orgs/${orgId}/licenses/freeze`, { token: owner.token, body: { ids: [b!.id] } });
    await app.api("PATCH", `/v1/dashboard/licenses/${c!.id}`, { token: owner.token, body: { note: "Needle in a haystack" } });
    const list = (q: string) => app.api("GET", `/v1/dashboard/orgs/${orgId}/licenses?${q}`, { token: owner.token });
    expect((await list("status=revoked")).body.data.licenses.map((l: any) => l.id)).toEqual([a!.id]);
    expect((await list("frozen=true")).body.data.licenses.map((l: any) => l.id)).toEqual([b!.id]);
    expect((await list("search=NEEDLE")).body.data.licenses.map((l: any) => l.id)).toEqual([c!.id]);
    expect((await list(`search=${a!.key.slice(3, 14).toLowerCase()}`)).body.data.licenses.map((l: any) => l.id)).toEqual([a!.id]);
    const page = await list("pageSize=2&page=2");
    expect(page.body.data.pagination).toEqual({ page: 2, pageSize: 2, total: 4, totalPages: 2 });
    const mine = await app.api("GET", "/v1/dashboard/licenses?pageSize=1000", { token: owner.token });
    expect(mine.body.data.pagination.total).toBe(4);
  });

  test("bulk actions report real changes, extend adds days, analytics counts by state", async () => {
    const { owner, orgId, licenses } = await tenantWithLicenses(app.api, 3);
    const ids = licenses.map((l) => l.id);
    await app.api("PATCH", `/v1/dashboard/licenses/${ids[0]}`, { token: owner.token, body: { expiresAt: "2031-01-01T00:00:00.000Z" } });
    const bulk = (action: string, body: object) => app.api("POST", `/v1/dashboard/orgs/${orgId}/licenses/${action}`, { token: owner.token, body });
    expect((await bulk("revoke", { ids: [ids[1]] })).body.data).toEqual({ updated: 1 });
    expect((await bulk("revoke", { ids: [ids[1]] })).body.data).toEqual({ updated: 0 });
    expect((await bulk("unrevoke", { ids: [ids[1]] })).body.data).toEqual({ updated: 1 });
    expect((await bulk("extend", { ids: [ids[0]], days: 10 })).body.data).toEqual({ updated: 1 });
    const extended = await app.api("GET", `/v1/dashboard/licenses/${ids[0]}`, { token: owner.token });
    expect(extended.body.data.license.expiresAt).toBe("2031-01-11T00:00:00.000Z");
    await bulk("freeze", { ids: [ids[2]] });
    const stats = await app.api("GET", `/v1/dashboard/orgs/${orgId}/licenses/analytics`, { token: owner.token });
    expect(stats.body.data.byStatus).toEqual({ valid: 2, expired: 0, frozen: 1, revoked: 0 });
    const deleted = await app.api("DELETE", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { ids } });
    expect(deleted.body.data).toEqual({ deleted: 3 });
  });

  test("expiring lists soonest first within the window", async () => {
    const { owner, orgId, licenses } = await tenantWithLicenses(app.api, 3);
    const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
    await app.api("PATCH", `/v1/dashboard/licenses/${licenses[0]!.id}`, { token: owner.token, body: { expiresAt: inDays(5) } });
    await app.api("PATCH", `/v1/dashboard/licenses/${licenses[1]!.id}`, { token: owner.token, body: { expiresAt: inDays(2) } });
    await app.api("PATCH", `/v1/dashboard/licenses/${licenses[2]!.id}`, { token: owner.token, body: { expiresAt: inDays(40) } });
    const soon = await app.api("GET", `/v1/dashboard/orgs/${orgId}/licenses/expiring?withinDays=7`, { token: owner.token });
    expect(soon.body.data.licenses.map((l: any) => l.id)).toEqual([licenses[1]!.id, licenses[0]!.id]);
  });

  test("redeem assigns an end user created on the spot and starts the duration clock once", async () => {
    const { owner, orgId, productId } = await tenantWithLicenses(app.api, 1);
    const created = await app.api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, durationDays: 30 } });
    const { key } = created.body.data.licenses[0];
    const redeemed = await app.api("POST", "/v1/dashboard/licenses/redeem", { token: owner.token, body: { key, endUser: { username: "Alice", email: "alice@example.com" } } });
    expect(redeemed.status).toBe(200);
    const license = redeemed.body.data.license;
    expect(license).toMatchObject({ endUserUsername: "Alice", endUserEmail: "alice@example.com" });
    expect(Date.parse(license.expiresAt) - Date.parse(license.redeemedAt)).toBe(30 * 86_400_000);
    const again = await app.api("POST", "/v1/dashboard/licenses/redeem", { token: owner.token, body: { key, endUserId: license.endUserId } });
    expect(again.status).toBe(409);
    const byOwner = await app.api("GET", `/v1/dashboard/orgs/${orgId}/licenses?endUserId=${license.endUserId}`, { token: owner.token });
    expect(byOwner.body.data.licenses.map((l: any) => l.key)).toEqual([key]);
    const endUsers = await app.api("GET", `/v1/dashboard/orgs/${orgId}/end-users?username=alice`, { token: owner.token });
    expect(endUsers.body.data.endUsers.map((u: any) => u.email)).toEqual(["alice@example.com"]);
  });
});
