import { beforeAll, describe, expect, test } from "bun:test";
import { SCOPES } from "@geckoguard/core";
import { expectError, routeTestSetup } from "../support/test-app.ts";
import { orgWithProduct, signUp } from "../support/accounts.ts";
import { issueApiKey, joinOrg, withKey } from "../support/api-keys.ts";

describe("blacklists: scopes, roles and tenancy", () => {
  const setup = routeTestSetup();
  const api = setup.api;
  let owner: string;
  let orgId: string;
  let productId: string;
  let entryId: string;
  beforeAll(async () => {
    ({ owner, orgId, productId } = setup);
    const entry = await api("POST", `/v1/dashboard/blacklists/products/${productId}`, { token: owner, body: { type: "HWID", value: "seed" } });
    entryId = entry.body.data.entry.id;
  });

  const managementRoutes = (pid: string, eid: string) =>
    [
      { method: "GET", path: `/v1/products/${pid}/blacklists`, scope: "blacklist:read", body: undefined },
      { method: "POST", path: `/v1/products/${pid}/blacklists`, scope: "blacklist:write", body: { type: "HWID", value: "x" } },
      { method: "DELETE", path: `/v1/products/${pid}/blacklists/${eid}`, scope: "blacklist:write", body: undefined },
    ] as const;

  test("each management route without its scope → 403 PERMISSION_DENIED naming the scope", async () => {
    for (const route of managementRoutes(productId, entryId)) {
      // Every other scope of the catalogue, but not this one.
      const { key } = await issueApiKey(api, owner, productId, SCOPES.filter((s) => s !== route.scope));
      const answer = await api(route.method, route.path, withKey(key, route.body ? { body: route.body } : {}));
      expectError(answer, 403, "PERMISSION_DENIED");
      expect(answer.body.error.message).toContain(`'${route.scope}'`);
    }
    expect((await api("GET", `/v1/dashboard/blacklists/products/${productId}`, { token: owner })).body.data.pagination.total).toBe(1);
  });

  test("a key of product A on product B's routes → 403 FORBIDDEN, even with every scope", async () => {
    const other = await api("POST", "/v1/dashboard/products", { token: owner, body: { orgId, name: "B" } });
    const otherId = other.body.data.product.id as string;
    const { key } = await issueApiKey(api, owner, productId, [...SCOPES]);
    for (const route of managementRoutes(otherId, entryId)) {
      expectError(await api(route.method, route.path, withKey(key, route.body ? { body: route.body } : {})), 403, "FORBIDDEN");
    }
  });

  test("credentials: a JWT on management routes and an API key on dashboard routes → 401", async () => {
    const { key } = await issueApiKey(api, owner, productId, [...SCOPES]);
    for (const route of managementRoutes(productId, entryId)) {
      expectError(await api(route.method, route.path, { token: owner, ...(route.body ? { body: route.body } : {}) }), 401, "UNAUTHORIZED");
    }
    const dashboard = `/v1/dashboard/blacklists/products/${productId}`;
    expectError(await api("GET", dashboard, withKey(key)), 401, "UNAUTHORIZED");
    expectError(await api("POST", dashboard, withKey(key, { body: { type: "HWID", value: "x" } })), 401, "UNAUTHORIZED");
    expectError(await api("POST", `${dashboard}/bulk`, withKey(key, { body: { entries: [{ type: "HWID", value: "x" }] } })), 401, "UNAUTHORIZED");
    expectError(await api("DELETE", `${dashboard}/${entryId}`, withKey(key)), 401, "UNAUTHORIZED");
  });

  test("roles: a viewer reads but cannot write (PERMISSION_DENIED); a member writes", async () => {
    const dashboard = `/v1/dashboard/blacklists/products/${productId}`;
    const viewer = await joinOrg(api, owner, orgId, "viewer");
    expect((await api("GET", dashboard, { token: viewer })).status).toBe(200);
    expectError(await api("POST", dashboard, { token: viewer, body: { type: "HWID", value: "v" } }), 403, "PERMISSION_DENIED");
    expectError(await api("POST", `${dashboard}/bulk`, { token: viewer, body: { entries: [{ type: "HWID", value: "v" }] } }), 403, "PERMISSION_DENIED");
    expectError(await api("DELETE", `${dashboard}/${entryId}`, { token: viewer }), 403, "PERMISSION_DENIED");
    const member = await joinOrg(api, owner, orgId, "member");
    expect((await api("POST", dashboard, { token: member, body: { type: "HWID", value: "m" } })).status).toBe(201);
  });

  test("another org's product → 403 FORBIDDEN on every dashboard route; an unknown product → 404", async () => {
    const stranger = (await signUp(api)).token;
    await orgWithProduct(api, stranger);
    const dashboard = `/v1/dashboard/blacklists/products/${productId}`;
    expectError(await api("GET", dashboard, { token: stranger }), 403, "FORBIDDEN");
    expectError(await api("POST", dashboard, { token: stranger, body: { type: "HWID", value: "s" } }), 403, "FORBIDDEN");
    expectError(await api("POST", `${dashboard}/bulk`, { token: stranger, body: { entries: [{ type: "HWID", value: "s" }] } }), 403, "FORBIDDEN");
    expectError(await api("DELETE", `${dashboard}/${entryId}`, { token: stranger }), 403, "FORBIDDEN");
    expectError(await api("GET", "/v1/dashboard/blacklists/products/0190a0b0-0000-7000-8000-000000000000", { token: stranger }), 404, "NOT_FOUND");
    expect((await api("GET", dashboard, { token: owner })).body.data.entries.map((e: { value: string }) => e.value)).not.toContain("s");
  });
});
