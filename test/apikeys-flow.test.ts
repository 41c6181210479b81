import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { orgWithProduct, signUp } from "./support/accounts.ts";
import { withKey } from "./support/api-keys.ts";

describe("API keys against the real server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  test("create key → whoami → manage a blacklist → rotate → old key 401, new key works", async () => {
    const api = apiClient(server.baseUrl);
    const { token } = await signUp(api);
    const { orgId, productId } = await orgWithProduct(api, token);

    const created = await api("POST", "/v1/dashboard/api-keys", {
      token,
      body: { productId, name: "bot", permissions: ["blacklist:read", "blacklist:write"] },
    });
    expect(created.status).toBe(201);
    const { apiKey, key: oldKey } = created.body.data;

    const whoami = await api("GET", "/v1/whoami", withKey(oldKey));
    expect(whoami.body).toEqual({ ok: true, data: { apiKeyId: apiKey.id, productId, orgId, permissions: ["blacklist:read", "blacklist:write"] } });

    const added = await api("POST", `/v1/products/${productId}/blacklists`, withKey(oldKey, { body: { type: "IP", value: "::ffff:203.0.113.9/120" } }));
    expect(added.status).toBe(201);
    expect(added.body.data.entry.value).toBe("203.0.113.0/24");

    const rotated = await api("POST", `/v1/dashboard/api-keys/${apiKey.id}/rotate`, { token });
    expect(rotated.status).toBe(200);
    const newKey = rotated.body.data.key as string;

    const stale = await api("GET", "/v1/whoami", withKey(oldKey));
    expect(stale.status).toBe(401);
    expect(stale.body).toEqual({ ok: false, error: { code: "UNAUTHORIZED", message: expect.any(String) } });
    expect((await api("GET", `/v1/products/${productId}/blacklists`, withKey(oldKey))).status).toBe(401);

    expect((await api("GET", "/v1/whoami", withKey(newKey))).body.data.apiKeyId).toBe(apiKey.id);
    const listed = await api("GET", `/v1/products/${productId}/blacklists`, withKey(newKey));
    expect(listed.body.data.entries.map((e: { value: string }) => e.value)).toEqual(["203.0.113.0/24"]);
    expect(server.output.join("\n")).not.toContain(newKey);
    expect(server.output.join("\n")).not.toContain(oldKey);
  });
});
