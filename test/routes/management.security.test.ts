import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { SCOPES, type Scope } from "@geckoguard/core";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { apiKeyFor, tenantWithLicenses } from "../support/licensing-fixtures.ts";

let app: TestApp;
let tenant: Awaited<ReturnType<typeof tenantWithLicenses>>;
let other: Awaited<ReturnType<typeof tenantWithLicenses>>;
let endUserId: string;

beforeAll(async () => {
  app = await openTestApp();
  tenant = await tenantWithLicenses(app.api, 2);
  other = await tenantWithLicenses(app.api, 1);
  const redeemed = await app.api("POST", "/v1/dashboard/licenses/redeem", {
    token: tenant.owner.token,
    body: { key: tenant.licenses[0]!.key, endUser: { username: "Carol", email: "carol@example.com" } },
  });
  endUserId = redeemed.body.data.license.endUserId;
});
afterAll(() => app.close());

const call = (method: string, path: string, key: string, body?: object) =>
  app.api(method, path, { headers: { "x-api-key": key }, ...(body ? { body } : {}) });

/** Each management route of the reference (licenses, end users, analytics) and its scope. */
function matrix(): [string, string, Scope, object?][] {
  const p = `/v1/products/${tenant.productId}`;
  const l = `${p}/licenses/${tenant.licenses[1]!.id}`;
  return [
    ["GET", `${p}/licenses`, "license:read"],
    ["GET", l, "license:read"],
    ["POST", `${p}/licenses`, "license:create", {}],
    ["PATCH", l, "license:update", { note: "x" }],
    ["POST", `${l}/revoke`, "license:revoke"],
    ["POST", `${l}/unrevoke`, "license:unrevoke"],
    ["POST", `${l}/reset-hwid`, "license:reset_hwid"],
    ["POST", `${l}/reset-ip`, "license:reset_ip"],
    ["GET", `${p}/end-users`, "end_user:read"],
    ["GET", `${p}/end-users/${endUserId}`, "end_user:read"],
    ["GET", "/v1/end-users", "end_user:read"],
    ["GET", `/v1/end-users/${endUserId}`, "end_user:read"],
    ["GET", `${p}/analytics`, "analytics:read"],
    ["DELETE", l, "license:delete"],
  ];
}

describe("management routes authorize by scope and product", () => {
  test("each route without its scope → 403 PERMISSION_DENIED naming it; with it → 2xx", async () => {
    for (const [method, path, scope, body] of matrix()) {
      const without = await apiKeyFor(app.context, tenant.productId, SCOPES.filter((s) => s !== scope));
      const denied = await call(method, path, without, body);
      expect({ path, status: denied.status, code: denied.body.error?.code }).toEqual({ path, status: 403, code: "PERMISSION_DENIED" });
      expect(denied.body.error.message).toContain(scope);
      const allowed = await call(method, path, await apiKeyFor(app.context, tenant.productId, [scope]), body);
      expect({ path, status: allowed.status }).toEqual({ path, status: allowed.status < 300 ? allowed.status : -1 });
    }
  });

  test("a key of another product → 403 FORBIDDEN even with every scope", async () => {
    const foreignKey = await apiKeyFor(app.context, other.productId, [...SCOPES]);
    for (const [method, path, , body] of matrix().filter(([, path]) => path.startsWith("/v1/products/"))) {
      const answer = await call(method, path, foreignKey, body);
      expect({ path, status: answer.status, code: answer.body.error?.code }).toEqual({ path, status: 403, code: "FORBIDDEN" });
    }
  });

  test("owner fields appear only with end_user:read and are absent (not null) otherwise", async () => {
    const path = `/v1/products/${tenant.productId}/licenses/${tenant.licenses[0]!.id}`;
    const plain = await call("GET", path, await apiKeyFor(app.context, tenant.productId, ["license:read"]));
    expect(Object.keys(plain.body.data.license)).not.toContain("endUserId");
    expect(Object.keys(plain.body.data.license)).not.toContain("endUserEmail");
    const withOwner = await call("GET", path, await apiKeyFor(app.context, tenant.productId, ["license:read", "end_user:read"]));
    expect(withOwner.body.data.license).toMatchObject({ endUserId, endUserUsername: "Carol", endUserEmail: "carol@example.com" });
    const listed = await call("GET", `/v1/products/${tenant.productId}/licenses?endUserId=${endUserId}`, await apiKeyFor(app.context, tenant.productId, ["license:read"]));
    expect(listed.body.data.licenses).toHaveLength(1);
  });

  test("end-user lookups are case-insensitive: exact username/email, partial search", async () => {
    const key = await apiKeyFor(app.context, tenant.productId, ["end_user:read"]);
    const names = async (q: string) => (await call("GET", `/v1/end-users?${q}`, key)).body.data.endUsers.map((u: any) => u.username);
    expect(await names("username=CAROL")).toEqual(["Carol"]);
    expect(await names("email=Carol@Example.com")).toEqual(["Carol"]);
    expect(await names("search=ARO")).toEqual(["Carol"]);
    expect(await names("username=car")).toEqual([]);
    const foreign = await apiKeyFor(app.context, other.productId, ["end_user:read"]);
    expect((await call("GET", "/v1/end-users?search=carol", foreign)).body.data.endUsers).toEqual([]);
    expect((await call("GET", `/v1/end-users/${endUserId}`, foreign)).status).toBe(404);
  });

  test("JWTs on API-key routes and keys on dashboard routes → 401; a license of another product → 404", async () => {
    const jwt = await app.api("GET", `/v1/products/${tenant.productId}/licenses`, { token: tenant.owner.token });
    expect(jwt.status).toBe(401);
    const key = await apiKeyFor(app.context, tenant.productId, [...SCOPES]);
    expect((await call("GET", `/v1/dashboard/orgs/${tenant.orgId}/licenses`, key)).status).toBe(401);
    expect((await call("GET", "/v1/products/" + tenant.productId + "/licenses/" + other.licenses[0]!.id, key)).status).toBe(404);
    expect((await call("GET", `/v1/products/${tenant.productId}/licenses`, "gg_bogus")).status).toBe(401);
  });
});

describe("dashboard tenancy", () => {
  test("another org's license → 404, another org → 403, and nothing leaks into counts or exports", async () => {
    const stranger = other.owner.token;
    expect((await app.api("GET", `/v1/dashboard/licenses/${tenant.licenses[0]!.id}`, { token: stranger })).status).toBe(404);
    expect((await app.api("POST", `/v1/dashboard/licenses/${tenant.licenses[0]!.id}/revoke`, { token: stranger })).status).toBe(404);
    expect((await app.api("GET", `/v1/dashboard/orgs/${tenant.orgId}/licenses`, { token: stranger })).status).toBe(403);
    expect((await app.api("GET", `/v1/dashboard/orgs/${tenant.orgId}/licenses/export`, { token: stranger })).status).toBe(403);
    const theirs = await app.api("GET", "/v1/dashboard/licenses", { token: stranger });
    expect(theirs.body.data.pagination.total).toBe(1);
    const exported = await app.api("GET", `/v1/dashboard/orgs/${other.orgId}/licenses/export?format=csv`, { token: stranger });
    expect(exported.body.trim().split("\n")).toHaveLength(2);
    const created = await app.api("POST", `/v1/dashboard/orgs/${other.orgId}/licenses`, { token: stranger, body: { productId: tenant.productId } });
    expect(created.status).toBe(404);
  });
});
