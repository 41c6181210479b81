import { beforeAll, describe, expect, test } from "bun:test";
import { expectError, routeTestSetup } from "../support/test-app.ts";
import { orgWithProduct, signUp } from "../support/accounts.ts";
import { issueApiKey, joinOrg, withKey } from "../support/api-keys.ts";

/** The 43-character secret after `gg_<prefix>_` (it may itself hold `_`, so no split). */
const secretPart = (key: string) => key.slice("gg_".length + 12 + 1);

describe("API keys: secrets, credentials and tenancy", () => {
  const setup = routeTestSetup();
  const api = setup.api;
  let owner: string;
  let orgId: string;
  let productId: string;
  beforeAll(() => {
    ({ owner, orgId, productId } = setup);
  });

  test("the plaintext key (and the stored hash) appear only in the create and rotate answers", async () => {
    const created = await api("POST", "/v1/dashboard/api-keys", { token: owner, body: { productId, name: "k", permissions: ["blacklist:read", "api_key:read"] } });
    const { key } = created.body.data;
    const id = created.body.data.apiKey.id as string;
    const secret = secretPart(key);
    const rotated = await api("POST", `/v1/dashboard/api-keys/${id}/rotate`, { token: owner });
    const newKey = rotated.body.data.key as string;
    const answers = [
      await api("GET", `/v1/dashboard/api-keys?productId=${productId}`, { token: owner }),
      await api("PATCH", `/v1/dashboard/api-keys/${id}`, { token: owner, body: { name: "renamed" } }),
      await api("GET", "/v1/whoami", withKey(newKey)),
      await api("GET", `/v1/products/${productId}/api-keys`, withKey(newKey)),
      await api("POST", `/v1/dashboard/api-keys/${id}/revoke`, { token: owner }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      for (const forbidden of [key, secret, newKey, secretPart(newKey), "secretHash", "hash"]) expect(text).not.toContain(forbidden);
    }
    expect(JSON.stringify(created.body)).not.toContain("secretHash");
    expect(JSON.stringify(rotated.body)).not.toContain("secretHash");
  });

  test("rotated, revoked and deleted keys are refused with 401 on /v1/whoami", async () => {
    const rotatedKey = await issueApiKey(api, owner, productId);
    const rotation = await api("POST", `/v1/dashboard/api-keys/${rotatedKey.id}/rotate`, { token: owner });
    expectError(await api("GET", "/v1/whoami", withKey(rotatedKey.key)), 401, "UNAUTHORIZED");
    expect((await api("GET", "/v1/whoami", withKey(rotation.body.data.key))).status).toBe(200);

    const revokedKey = await issueApiKey(api, owner, productId);
    await api("POST", `/v1/dashboard/api-keys/${revokedKey.id}/revoke`, { token: owner });
    expectError(await api("GET", "/v1/whoami", withKey(revokedKey.key)), 401, "UNAUTHORIZED");
    // A revoked key cannot be brought back by rotating it.
    expectError(await api("POST", `/v1/dashboard/api-keys/${revokedKey.id}/rotate`, { token: owner }), 409, "CONFLICT");

    const deletedKey = await issueApiKey(api, owner, productId);
    await api("DELETE", `/v1/dashboard/api-keys/${deletedKey.id}`, { token: owner });
    expectError(await api("GET", "/v1/whoami", withKey(deletedKey.key)), 401, "UNAUTHORIZED");
  });

  test("a wrong secret with a live prefix, a malformed key and no key at all are 401", async () => {
    const { key } = await issueApiKey(api, owner, productId);
    const tampered = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const presented of [tampered, "gg_nope", "not-a-key"]) expectError(await api("GET", "/v1/whoami", withKey(presented)), 401, "UNAUTHORIZED");
    expectError(await api("GET", "/v1/whoami"), 401, "UNAUTHORIZED");
  });

  test("a JWT is refused on API-key routes, an API key on dashboard routes (401)", async () => {
    const { key } = await issueApiKey(api, owner, productId);
    expectError(await api("GET", "/v1/whoami", { token: owner }), 401, "UNAUTHORIZED");
    expectError(await api("GET", `/v1/products/${productId}/api-keys`, { token: owner }), 401, "UNAUTHORIZED");
    expectError(await api("GET", `/v1/dashboard/api-keys?productId=${productId}`, withKey(key)), 401, "UNAUTHORIZED");
    expectError(await api("POST", "/v1/dashboard/api-keys", withKey(key, { body: { productId, name: "x" } })), 401, "UNAUTHORIZED");
  });

  test("another org's key id answers 404 on every dashboard route, and the key keeps working", async () => {
    const { key, id } = await issueApiKey(api, owner, productId);
    const stranger = (await signUp(api)).token;
    await orgWithProduct(api, stranger); // an admin, but of another org
    expectError(await api("PATCH", `/v1/dashboard/api-keys/${id}`, { token: stranger, body: { name: "mine" } }), 404, "NOT_FOUND");
    expectError(await api("POST", `/v1/dashboard/api-keys/${id}/rotate`, { token: stranger }), 404, "NOT_FOUND");
    expectError(await api("POST", `/v1/dashboard/api-keys/${id}/revoke`, { token: stranger }), 404, "NOT_FOUND");
    expectError(await api("DELETE", `/v1/dashboard/api-keys/${id}`, { token: stranger }), 404, "NOT_FOUND");
    const missing = "0190a0b0-0000-7000-8000-000000000000";
    expectError(await api("PATCH", `/v1/dashboard/api-keys/${missing}`, { token: owner, body: { name: "x" } }), 404, "NOT_FOUND");
    const whoami = await api("GET", "/v1/whoami", withKey(key));
    expect(whoami.status).toBe(200);
  });

  test("another org's product: create and list are 403 FORBIDDEN", async () => {
    const stranger = (await signUp(api)).token;
    expectError(await api("POST", "/v1/dashboard/api-keys", { token: stranger, body: { productId, name: "x" } }), 403, "FORBIDDEN");
    expectError(await api("GET", `/v1/dashboard/api-keys?productId=${productId}`, { token: stranger }), 403, "FORBIDDEN");
  });

  test("members and viewers cannot create, list or change keys (PERMISSION_DENIED); admins can", async () => {
    const { id } = await issueApiKey(api, owner, productId);
    for (const role of ["viewer", "member"] as const) {
      const token = await joinOrg(api, owner, orgId, role);
      expectError(await api("POST", "/v1/dashboard/api-keys", { token, body: { productId, name: "x" } }), 403, "PERMISSION_DENIED");
      expectError(await api("GET", `/v1/dashboard/api-keys?productId=${productId}`, { token }), 403, "PERMISSION_DENIED");
      expectError(await api("POST", `/v1/dashboard/api-keys/${id}/revoke`, { token }), 403, "PERMISSION_DENIED");
    }
    const admin = await joinOrg(api, owner, orgId, "admin");
    expect((await api("POST", "/v1/dashboard/api-keys", { token: admin, body: { productId, name: "x" } })).status).toBe(201);
  });

  test("a shipped license:authorize key cannot list the product's keys: that needs api_key:read, which no key gets by default", async () => {
    const shipped = await issueApiKey(api, owner, productId);
    const whoami = await api("GET", "/v1/whoami", withKey(shipped.key));
    expect(whoami.body.data.permissions).toEqual(["license:authorize"]);
    const refused = await api("GET", `/v1/products/${productId}/api-keys`, withKey(shipped.key));
    expectError(refused, 403, "PERMISSION_DENIED");
    expect(refused.body.error.message).toContain("api_key:read");
    expect(JSON.stringify(refused.body)).not.toContain("apiKeys");
    const reader = await issueApiKey(api, owner, productId, ["api_key:read"]);
    expect((await api("GET", `/v1/products/${productId}/api-keys`, withKey(reader.key))).status).toBe(200);
  });

  test("a key of product A cannot list product B's keys, even in the same org (403 FORBIDDEN)", async () => {
    const other = await api("POST", "/v1/dashboard/products", { token: owner, body: { orgId, name: "B" } });
    const { key } = await issueApiKey(api, owner, productId, ["license:read", "blacklist:read"]);
    const answer = await api("GET", `/v1/products/${other.body.data.product.id}/api-keys`, withKey(key));
    expectError(answer, 403, "FORBIDDEN");
  });
});
