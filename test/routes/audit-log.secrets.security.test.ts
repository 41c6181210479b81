import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD, orgWithProduct, signUp } from "../support/accounts.ts";
import { issueApiKey, withKey } from "../support/api-keys.ts";
import { createEndpoint, webhooksPath } from "../support/webhook-endpoints.ts";

/**
 * docs/team-and-audit.md#an-entry: a walk through the changing routes of every family
 * leaves entries that hold none of the secrets it used: passwords, access and refresh
 * tokens, API keys, webhook secrets, license keys, password hashes.
 */
describe("audit entries never hold a secret", () => {
  let t: TestApp;
  const secrets: string[] = [PASSWORD];
  let orgId = "";
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  test("a route walk's entries, listed, exported and stored, hold none of the secrets it used", async () => {
    const owner = await signUp(t.api);
    const admin = await signUp(t.api);
    secrets.push(owner.token, owner.refreshToken, admin.token, admin.refreshToken);
    const ids = await orgWithProduct(t.api, owner.token);
    orgId = ids.orgId;
    const { productId } = ids;
    const call = async (method: string, path: string, options: Parameters<TestApp["api"]>[2] = {}) => {
      const answer = await t.api(method, path, { token: owner.token, ...options });
      expect([path, answer.status]).toEqual([path, answer.status < 300 ? answer.status : 200]);
      return answer.body.data;
    };
    await call("POST", `/v1/dashboard/orgs/${orgId}/members`, { body: { email: admin.email, role: "member" } });
    await call("PATCH", `/v1/dashboard/orgs/${orgId}/members/${admin.userId}`, { body: { role: "admin" } });
    await call("PATCH", `/v1/dashboard/products/${productId}`, { body: { name: "Renamed", policy: { maxSessions: 5 } } });

    const key = await issueApiKey(t.api, owner.token, productId, ["license:create", "license:read", "license:update", "license:revoke", "blacklist:write"]);
    secrets.push(key.key);
    const rotatedKey = await call("POST", `/v1/dashboard/api-keys/${key.id}/rotate`);
    secrets.push(rotatedKey.key, rotatedKey.key.slice(0, 24));
    await call("PATCH", `/v1/dashboard/api-keys/${key.id}`, { body: { name: "renamed key" } });

    const { endpoint, secret } = await createEndpoint(t.api, owner.token, productId);
    secrets.push(secret);
    const rotatedSecret = await call("POST", webhooksPath(productId, `/${endpoint.id}/rotate-secret`));
    secrets.push(rotatedSecret.secret);
    await call("PATCH", webhooksPath(productId, `/${endpoint.id}`), { body: { description: "CRM" } });

    const created = await call("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { body: { productId, count: 3, note: "batch" } });
    const viaKey = await t.api("POST", `/v1/products/${productId}/licenses`, withKey(rotatedKey.key, { body: { count: 2 } }));
    expect(viaKey.status).toBe(201);
    const licenses = [...created.licenses, ...viaKey.body.data.licenses];
    secrets.push(...licenses.map((l: { key: string }) => l.key));
    await call("PATCH", `/v1/dashboard/licenses/${licenses[0].id}`, { body: { note: "changed", maxHwids: 2 } });
    await call("POST", `/v1/dashboard/licenses/${licenses[1].id}/revoke`);
    await call("POST", `/v1/dashboard/orgs/${orgId}/licenses/freeze`, { body: { ids: [licenses[2].id, licenses[3].id] } });
    const revokedByKey = await t.api("POST", `/v1/products/${productId}/licenses/${licenses[4].id}/revoke`, withKey(rotatedKey.key));
    expect(revokedByKey.status).toBe(200);
    await call("POST", `/v1/dashboard/blacklists/products/${productId}`, { body: { type: "HWID", value: "bad-machine" } });
    await call("DELETE", `/v1/dashboard/api-keys/${key.id}`);

    const hashes = (await t.database.client.execute("SELECT password_hash AS h FROM users")).rows.map((row) => String(row.h));
    secrets.push(...hashes);

    const listed = (await t.api("GET", `/v1/dashboard/orgs/${orgId}/audit-log?pageSize=200`, { token: owner.token })).body.data.entries;
    const exported = await (await t.handle(new Request(`http://localhost/v1/dashboard/orgs/${orgId}/audit-log/export`, { headers: { authorization: `Bearer ${owner.token}` } }))).text();
    const stored = JSON.stringify((await t.database.client.execute("SELECT * FROM audit_log")).rows);
    const actions = new Set(listed.map((e: { action: string }) => e.action));
    for (const action of ["member.joined", "member.role_changed", "product.updated", "api_key.created", "api_key.rotated", "api_key.updated", "api_key.deleted", "webhook_endpoint.created", "webhook_endpoint.secret_rotated", "webhook_endpoint.updated", "license.created", "license.updated", "license.revoked", "license.frozen", "blacklist.added"]) {
      expect([action, actions.has(action)]).toEqual([action, true]);
    }
    expect(listed.filter((e: { actor: { type: string } }) => e.actor.type === "api_key").map((e: { action: string }) => e.action).sort()).toEqual(["license.created", "license.created", "license.revoked"]);
    for (const text of [JSON.stringify(listed), exported, stored]) {
      for (const secret of secrets) expect(text.includes(secret) ? secret : null).toBeNull();
    }
  });
});
