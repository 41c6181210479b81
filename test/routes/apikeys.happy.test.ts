import { beforeAll, describe, expect, test } from "bun:test";
import { routeTestSetup } from "../support/test-app.ts";
import { orgWithProduct } from "../support/accounts.ts";
import { issueApiKey, withKey } from "../support/api-keys.ts";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe("API keys: the happy paths", () => {
  const setup = routeTestSetup();
  const api = setup.api;
  let token: string;
  let orgId: string;
  let productId: string;
  beforeAll(() => {
    ({ owner: token, orgId, productId } = setup);
  });

  test("create answers 201 with the metadata and the plaintext key, default scope license:authorize", async () => {
    const created = await api("POST", "/v1/dashboard/api-keys", { token, body: { productId, name: "  Backend  " } });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const { apiKey, key } = created.body.data;
    expect(Object.keys(apiKey).sort()).toEqual(
      ["createdAt", "id", "lastUsedAt", "name", "permissions", "prefix", "productId", "revokedAt", "updatedAt"].sort(),
    );
    expect(apiKey).toMatchObject({ name: "Backend", productId, permissions: ["license:authorize"], lastUsedAt: null, revokedAt: null });
    expect(apiKey.createdAt).toMatch(ISO);
    expect(key).toStartWith(`gg_${apiKey.prefix}_`);
  });

  test("whoami describes the presented key, and the key is stamped as used", async () => {
    const { id, key } = await issueApiKey(api, token, productId, ["blacklist:read", "license:read"]);
    const whoami = await api("GET", "/v1/whoami", withKey(key));
    expect(whoami.status).toBe(200);
    expect(whoami.body).toEqual({ ok: true, data: { apiKeyId: id, productId, orgId, permissions: ["license:read", "blacklist:read"] } });
    const listed = await api("GET", `/v1/dashboard/api-keys?productId=${productId}&pageSize=200`, { token });
    const used = listed.body.data.apiKeys.find((k: { id: string }) => k.id === id);
    expect(used.lastUsedAt).toMatch(ISO);
  });

  test("update renames and replaces permissions (repeats folded, catalogue order)", async () => {
    const { id, key } = await issueApiKey(api, token, productId);
    const patched = await api("PATCH", `/v1/dashboard/api-keys/${id}`, {
      token,
      body: { name: "Renamed", permissions: ["end_user:read", "license:read", "end_user:read"] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data.apiKey).toMatchObject({ id, name: "Renamed", permissions: ["license:read", "end_user:read"] });
    expect((await api("GET", "/v1/whoami", withKey(key))).body.data.permissions).toEqual(["license:read", "end_user:read"]);
  });

  test("list pages the product's keys newest first, on both route families", async () => {
    const { productId: fresh } = await orgWithProduct(api, token);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await issueApiKey(api, token, fresh)).id);
    setup.app.clock.advance(2); // distinct creation milliseconds, so "newest first" is well defined
    const newest = await issueApiKey(api, token, fresh, ["api_key:read"]);
    const page1 = await api("GET", `/v1/dashboard/api-keys?productId=${fresh}&pageSize=2`, { token });
    expect(page1.status).toBe(200);
    expect(page1.body.data.pagination).toEqual({ page: 1, pageSize: 2, total: 4, totalPages: 2 });
    expect(page1.body.data.apiKeys[0].id).toBe(newest.id);
    const page2 = await api("GET", `/v1/dashboard/api-keys?productId=${fresh}&pageSize=2&page=2`, { token });
    const seen = [...page1.body.data.apiKeys, ...page2.body.data.apiKeys].map((k: { id: string }) => k.id);
    expect(seen.sort()).toEqual([...ids, newest.id].sort());

    // A key with api_key:read lists its own product's keys (introspection).
    const viaKey = await api("GET", `/v1/products/${fresh}/api-keys?pageSize=10`, withKey(newest.key));
    expect(viaKey.status).toBe(200);
    expect(viaKey.body.data.pagination.total).toBe(4);
    expect(viaKey.body.data.apiKeys.map((k: { id: string }) => k.id).sort()).toEqual(seen.sort());
  });

  test("revoke keeps the key listed with revokedAt; revoking again changes nothing; delete removes it", async () => {
    const { productId: fresh } = await orgWithProduct(api, token);
    const { id } = await issueApiKey(api, token, fresh);
    const revoked = await api("POST", `/v1/dashboard/api-keys/${id}/revoke`, { token });
    expect(revoked.status).toBe(200);
    expect(revoked.body.data.apiKey.revokedAt).toMatch(ISO);
    const again = await api("POST", `/v1/dashboard/api-keys/${id}/revoke`, { token });
    expect(again.body.data.apiKey.revokedAt).toBe(revoked.body.data.apiKey.revokedAt);
    const listed = await api("GET", `/v1/dashboard/api-keys?productId=${fresh}`, { token });
    expect(listed.body.data.apiKeys).toEqual([expect.objectContaining({ id, revokedAt: revoked.body.data.apiKey.revokedAt })]);

    const deleted = await api("DELETE", `/v1/dashboard/api-keys/${id}`, { token });
    expect(deleted.body).toEqual({ ok: true, data: { deleted: true } });
    expect((await api("GET", `/v1/dashboard/api-keys?productId=${fresh}`, { token })).body.data.apiKeys).toEqual([]);
    expect((await api("DELETE", `/v1/dashboard/api-keys/${id}`, { token })).status).toBe(404);
  });

  test("rotate answers a new key for the same id; the new key works", async () => {
    const { id, key } = await issueApiKey(api, token, productId);
    const rotated = await api("POST", `/v1/dashboard/api-keys/${id}/rotate`, { token });
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get("cache-control")).toBe("no-store");
    expect(rotated.body.data.apiKey.id).toBe(id);
    expect(rotated.body.data.key).not.toBe(key);
    expect((await api("GET", "/v1/whoami", withKey(rotated.body.data.key))).body.data.apiKeyId).toBe(id);
  });
});
