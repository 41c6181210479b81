import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { team, type Team } from "../support/team.ts";
import type { ApiResponse } from "../support/http-client.ts";

function expectDenied(response: ApiResponse, code: "PERMISSION_DENIED" | "FORBIDDEN") {
  expect(response.status).toBe(403);
  expect(response.body).toEqual({ ok: false, error: { code, message: expect.any(String) } });
}

/** docs/authentication.md#org-roles: viewers read, admins manage products and members, owners delete and transfer. */
describe("org roles", () => {
  let t: TestApp;
  let crew: Team;
  beforeAll(async () => {
    t = await openTestApp();
    crew = await team(t.api);
  });
  afterAll(() => t.close());

  const product = () => `/v1/dashboard/products/${crew.productId}`;

  test("every role reads the org, its products and its members", async () => {
    for (const who of [crew.owner, crew.admin, crew.member, crew.viewer]) {
      expect((await t.api("GET", `/v1/dashboard/orgs/${crew.orgId}`, { token: who.token })).status).toBe(200);
      expect((await t.api("GET", product(), { token: who.token })).status).toBe(200);
      const listed = await t.api("GET", `/v1/dashboard/orgs/${crew.orgId}/products`, { token: who.token });
      expect(listed.body.data.products.map((p: { id: string }) => p.id)).toEqual([crew.productId]);
      const members = await t.api("GET", `/v1/dashboard/orgs/${crew.orgId}/members`, { token: who.token });
      expect(members.body.data.members.map((m: { role: string }) => m.role).sort()).toEqual(["admin", "member", "owner", "viewer"]);
    }
  });

  test("viewers and members cannot create, change or delete products", async () => {
    for (const who of [crew.viewer, crew.member]) {
      expectDenied(await t.api("POST", "/v1/dashboard/products", { token: who.token, body: { orgId: crew.orgId, name: "X" } }), "PERMISSION_DENIED");
      expectDenied(await t.api("PATCH", product(), { token: who.token, body: { name: "Renamed" } }), "PERMISSION_DENIED");
      expectDenied(await t.api("DELETE", product(), { token: who.token }), "PERMISSION_DENIED");
      expectDenied(await t.api("DELETE", `/v1/dashboard/orgs/${crew.orgId}/products/${crew.productId}`, { token: who.token }), "PERMISSION_DENIED");
    }
    const unchanged = await t.api("GET", product(), { token: crew.owner.token });
    expect(unchanged.body.data.product.name).toBe("App");
  });

  test("viewers and members cannot manage members or rename the org", async () => {
    for (const who of [crew.viewer, crew.member]) {
      expectDenied(await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/members`, { token: who.token, body: { email: crew.stranger.email, role: "admin" } }), "PERMISSION_DENIED");
      expectDenied(await t.api("PATCH", `/v1/dashboard/orgs/${crew.orgId}/members/${who.userId}`, { token: who.token, body: { role: "admin" } }), "PERMISSION_DENIED");
      expectDenied(await t.api("PATCH", `/v1/dashboard/orgs/${crew.orgId}`, { token: who.token, body: { name: "Mine" } }), "PERMISSION_DENIED");
    }
  });

  test("an admin manages products but cannot delete the org or transfer it", async () => {
    const created = await t.api("POST", "/v1/dashboard/products", { token: crew.admin.token, body: { orgId: crew.orgId, name: "Admin's" } });
    expect(created.status).toBe(201);
    const id = created.body.data.product.id;
    expect((await t.api("PATCH", `/v1/dashboard/products/${id}`, { token: crew.admin.token, body: { name: "Renamed" } })).status).toBe(200);
    expect((await t.api("DELETE", `/v1/dashboard/products/${id}`, { token: crew.admin.token })).status).toBe(200);
    expect((await t.api("GET", `/v1/dashboard/products/${id}`, { token: crew.admin.token })).status).toBe(404);

    expectDenied(await t.api("DELETE", `/v1/dashboard/orgs/${crew.orgId}`, { token: crew.admin.token }), "PERMISSION_DENIED");
    const transfer = await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/transfer-ownership`, { token: crew.admin.token, body: { userId: crew.admin.userId } });
    expectDenied(transfer, "PERMISSION_DENIED");
  });

  test("an admin cannot demote or remove the owner", async () => {
    const path = `/v1/dashboard/orgs/${crew.orgId}/members/${crew.owner.userId}`;
    expectDenied(await t.api("PATCH", path, { token: crew.admin.token, body: { role: "viewer" } }), "PERMISSION_DENIED");
    expectDenied(await t.api("DELETE", path, { token: crew.admin.token }), "PERMISSION_DENIED");
    const org = await t.api("GET", `/v1/dashboard/orgs/${crew.orgId}`, { token: crew.owner.token });
    expect(org.body.data.org.role).toBe("owner");
  });

  test("adding someone who is already a member is 409; an unknown email is 404", async () => {
    const twice = await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/members`, { token: crew.admin.token, body: { email: crew.viewer.email, role: "admin" } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("CONFLICT");
    const nobody = await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/members`, { token: crew.admin.token, body: { email: "nobody@example.com", role: "viewer" } });
    expect(nobody.status).toBe(404);
  });

  test("a removed member loses access at once", async () => {
    const extra = crew.stranger;
    await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/members`, { token: crew.owner.token, body: { email: extra.email, role: "viewer" } });
    expect((await t.api("GET", product(), { token: extra.token })).status).toBe(200);
    const removed = await t.api("DELETE", `/v1/dashboard/orgs/${crew.orgId}/members/${extra.userId}`, { token: crew.admin.token });
    expect(removed.status).toBe(200);
    expectDenied(await t.api("GET", product(), { token: extra.token }), "FORBIDDEN");
  });
});
