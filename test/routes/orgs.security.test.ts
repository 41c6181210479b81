import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { team, type Team } from "../support/team.ts";
import type { ApiResponse } from "../support/http-client.ts";

const MISSING = "01900000-0000-7000-8000-000000000000";

function expectCode(response: ApiResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ ok: false, error: { code, message: expect.any(String) } });
}

/** docs/licenses.md#tenancy-403-or-404: another tenant's org or product is 403 FORBIDDEN; no such id is 404. */
describe("tenancy of orgs and products", () => {
  let t: TestApp;
  let crew: Team;
  let token: string;
  beforeAll(async () => {
    t = await openTestApp();
    crew = await team(t.api);
    token = crew.stranger.token;
  });
  afterAll(() => t.close());

  test("another org, its products and members are 403 FORBIDDEN, read or write", async () => {
    const org = `/v1/dashboard/orgs/${crew.orgId}`;
    const product = `/v1/dashboard/products/${crew.productId}`;
    const attempts: [string, string, unknown?][] = [
      ["GET", org],
      ["PATCH", org, { name: "Mine now" }],
      ["DELETE", org],
      ["GET", `${org}/products`],
      ["GET", `${org}/members`],
      ["POST", `${org}/members`, { email: crew.stranger.email, role: "admin" }],
      ["POST", `${org}/transfer-ownership`, { userId: crew.stranger.userId }],
      ["GET", product],
      ["PATCH", product, { name: "Mine now" }],
      ["DELETE", product],
      ["DELETE", `${org}/products/${crew.productId}`],
      ["POST", "/v1/dashboard/products", { orgId: crew.orgId, name: "Intruder" }],
    ];
    for (const [method, path, body] of attempts) {
      expectCode(await t.api(method, path, { token, body }), 403, "FORBIDDEN");
    }
    const intact = await t.api("GET", product, { token: crew.owner.token });
    expect(intact.body.data.product.name).toBe("App");
    expect(await t.count("products")).toBe(2);
  });

  test("a product cannot be pulled into, or pushed out to, an org of another tenant", async () => {
    const pull = await t.api("POST", `/v1/dashboard/orgs/${crew.stranger.orgId}/products`, { token, body: { productId: crew.productId } });
    expectCode(pull, 403, "FORBIDDEN");
    const push = await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/products`, { token, body: { productId: crew.stranger.productId } });
    expectCode(push, 403, "FORBIDDEN");
    const viaOwnOrg = await t.api("DELETE", `/v1/dashboard/orgs/${crew.stranger.orgId}/products/${crew.productId}`, { token });
    expectCode(viaOwnOrg, 403, "FORBIDDEN");
    const product = await t.api("GET", `/v1/dashboard/products/${crew.productId}`, { token: crew.owner.token });
    expect(product.body.data.product.orgId).toBe(crew.orgId);
  });

  test("an org or product that does not exist is 404 NOT_FOUND", async () => {
    for (const [method, path] of [
      ["GET", `/v1/dashboard/orgs/${MISSING}`],
      ["DELETE", `/v1/dashboard/orgs/${MISSING}`],
      ["GET", `/v1/dashboard/orgs/${MISSING}/products`],
      ["GET", `/v1/dashboard/products/${MISSING}`],
      ["PATCH", `/v1/dashboard/products/${MISSING}`],
      ["DELETE", `/v1/dashboard/products/${MISSING}`],
    ] as const) {
      expectCode(await t.api(method, path, { token, body: method === "PATCH" ? { name: "x" } : undefined }), 404, "NOT_FOUND");
    }
    const created = await t.api("POST", "/v1/dashboard/products", { token, body: { orgId: MISSING, name: "Nowhere" } });
    expectCode(created, 404, "NOT_FOUND");
  });

  test("a product of one of my orgs named under another of my orgs is 404", async () => {
    const second = await t.api("POST", "/v1/dashboard/orgs", { token, body: { name: "Second" } });
    const response = await t.api("DELETE", `/v1/dashboard/orgs/${second.body.data.org.id}/products/${crew.stranger.productId}`, { token });
    expectCode(response, 404, "NOT_FOUND");
    expect((await t.api("GET", `/v1/dashboard/products/${crew.stranger.productId}`, { token })).status).toBe(200);
  });

  test("PATCH /me with an org I am not in is 403 and keeps the active org", async () => {
    const before = await t.api("GET", "/v1/dashboard/me", { token });
    for (const activeOrgId of [crew.orgId, MISSING]) {
      expectCode(await t.api("PATCH", "/v1/dashboard/me", { token, body: { activeOrgId } }), 403, "FORBIDDEN");
    }
    const after = await t.api("GET", "/v1/dashboard/me", { token });
    expect(after.body.data.activeOrgId).toBe(before.body.data.activeOrgId);
  });

  test("the active org picked with PATCH /me is where new products go", async () => {
    const second = await t.api("POST", "/v1/dashboard/orgs", { token, body: { name: "Active" } });
    const secondId = second.body.data.org.id;
    const patched = await t.api("PATCH", "/v1/dashboard/me", { token, body: { activeOrgId: secondId } });
    expect(patched.status).toBe(200);
    expect(patched.body.data.activeOrgId).toBe(secondId);
    const created = await t.api("POST", "/v1/dashboard/products", { token, body: { name: "Lands in active" } });
    expect(created.body.data.product.orgId).toBe(secondId);
  });

  test("the org list shows only my orgs, each with my role", async () => {
    const listed = await t.api("GET", "/v1/dashboard/orgs", { token: crew.viewer.token });
    expect(listed.body.data.orgs.map((o: { id: string; role: string }) => [o.id, o.role])).toEqual([[crew.orgId, "viewer"]]);
  });
});
