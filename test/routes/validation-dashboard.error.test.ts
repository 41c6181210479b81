import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { orgWithProduct, signUp } from "../support/accounts.ts";
import { expectValidationError, snapshot } from "../support/validation.ts";

/** Bad dashboard bodies, params and queries are 400 VALIDATION_ERROR and change nothing. */
describe("dashboard request validation", () => {
  let t: TestApp;
  let token: string;
  let orgId: string;
  let productId: string;
  let before: Record<string, number>;
  beforeAll(async () => {
    t = await openTestApp();
    token = (await signUp(t.api)).token;
    ({ orgId, productId } = await orgWithProduct(t.api, token));
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    before = await snapshot(t);
  });

  async function expectUnchanged() {
    expect(await snapshot(t)).toEqual(before);
  }

  test("org names: empty, blank, over 200 characters, not a string", async () => {
    for (const name of ["", "   ", "o".repeat(201), 7]) {
      expectValidationError(await t.api("POST", "/v1/dashboard/orgs", { token, body: { name } }), "/name");
      expectValidationError(await t.api("PATCH", `/v1/dashboard/orgs/${orgId}`, { token, body: { name } }), "/name");
    }
    expect((await t.api("GET", `/v1/dashboard/orgs/${orgId}`, { token })).body.data.org.name).toBe("Acme");
    await expectUnchanged();
  });

  test("an unknown member role", async () => {
    const response = await t.api("POST", `/v1/dashboard/orgs/${orgId}/members`, { token, body: { email: "x@example.com", role: "superuser" } });
    expectValidationError(response, "/role");
    const owner = await t.api("POST", `/v1/dashboard/orgs/${orgId}/members`, { token, body: { email: "x@example.com", role: "owner" } });
    expectValidationError(owner, "/role");
    await expectUnchanged();
  });

  test("product policies with unknown enum values, out-of-range or mistyped numbers", async () => {
    const badPolicies: [Record<string, unknown>, string][] = [
      [{ hwidBinding: "maybe" }, "/policy/hwidBinding"],
      [{ ipBinding: true }, "/policy/ipBinding"],
      [{ maxHwids: 0 }, "/policy/maxHwids"],
      [{ maxHwids: "2" }, "/policy/maxHwids"],
      [{ maxSessions: 2.5 }, "/policy/maxSessions"],
      [{ sessionTtlSeconds: 5 }, "/policy/sessionTtlSeconds"],
      [{ durationDays: -1 }, "/policy/durationDays"],
    ];
    for (const [policy, path] of badPolicies) {
      expectValidationError(await t.api("POST", "/v1/dashboard/products", { token, body: { name: "P", policy } }), path);
      expectValidationError(await t.api("PATCH", `/v1/dashboard/products/${productId}`, { token, body: { policy } }), path);
    }
    const product = (await t.api("GET", `/v1/dashboard/products/${productId}`, { token })).body.data.product;
    expect(product.policy.hwidBinding).toBe("on");
    expect(product.policy.maxHwids).toBe(1);
    await expectUnchanged();
  });

  test("product names and org ids of the wrong shape", async () => {
    expectValidationError(await t.api("POST", "/v1/dashboard/products", { token, body: { name: "p".repeat(201) } }), "/name");
    expectValidationError(await t.api("POST", "/v1/dashboard/products", { token, body: { name: " \t " } }), "/name");
    expectValidationError(await t.api("POST", "/v1/dashboard/products", { token, body: { name: "P", orgId: "acme" } }), "/orgId");
    expectValidationError(await t.api("POST", `/v1/dashboard/orgs/${orgId}/products`, { token, body: { productId: 1 } }), "/productId");
    await expectUnchanged();
  });

  test("path parameters that are not UUIDs", async () => {
    expectValidationError(await t.api("GET", "/v1/dashboard/products/not-a-uuid", { token }), "/id");
    expectValidationError(await t.api("DELETE", "/v1/dashboard/orgs/1", { token }), "/orgId");
    expectValidationError(await t.api("DELETE", `/v1/dashboard/orgs/${orgId}/products/zzz`, { token }), "/productId");
    expectValidationError(await t.api("PATCH", `/v1/dashboard/orgs/${orgId}/members/me`, { token, body: { role: "viewer" } }), "/userId");
    await expectUnchanged();
  });

  test("page and pageSize out of range or not whole numbers", async () => {
    for (const query of ["pageSize=201", "pageSize=0", "page=0", "page=-1", "page=abc", "page=1.5"]) {
      expectValidationError(await t.api("GET", `/v1/dashboard/orgs?${query}`, { token }));
      expectValidationError(await t.api("GET", `/v1/dashboard/orgs/${orgId}/products?${query}`, { token }));
    }
    const ok = await t.api("GET", `/v1/dashboard/orgs/${orgId}/products?page=1&pageSize=200`, { token });
    expect(ok.status).toBe(200);
    expect(ok.body.data.pagination).toEqual({ page: 1, pageSize: 200, total: 1, totalPages: 1 });
  });

  test("PATCH /me with an activeOrgId that is not a UUID, or an empty name", async () => {
    expectValidationError(await t.api("PATCH", "/v1/dashboard/me", { token, body: { activeOrgId: "first" } }), "/activeOrgId");
    expectValidationError(await t.api("PATCH", "/v1/dashboard/me", { token, body: { name: "" } }), "/name");
    await expectUnchanged();
  });
});
