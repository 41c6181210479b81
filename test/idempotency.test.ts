import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { orgWithProduct, PASSWORD, signUp, uniqueEmail } from "./support/accounts.ts";
import { issueApiKey, withKey } from "./support/api-keys.ts";

describe("Idempotency-Key (docs/authentication.md#idempotency)", () => {
  let server: RunningServer;
  let api: Api;
  let token: string;
  beforeAll(async () => {
    server = await startServer();
    api = apiClient(server.baseUrl);
    token = (await signUp(api)).token;
  });
  afterAll(() => server.stop());

  const keyed = (key: string) => ({ "idempotency-key": key });
  const listOrgs = async () => (await api("GET", "/v1/dashboard/orgs", { token })).body.data.orgs as { id: string; name: string }[];

  test("a retry replays the original status and body with Idempotent-Replayed: true, and creates nothing", async () => {
    const key = crypto.randomUUID();
    const first = await api("POST", "/v1/dashboard/orgs", { token, headers: keyed(key), body: { name: "Replayed Ltd" } });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await api("POST", "/v1/dashboard/orgs", { token, headers: keyed(key), body: { name: "Replayed Ltd" } });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect((await listOrgs()).filter((org) => org.name === "Replayed Ltd")).toHaveLength(1);
  });

  test("the same key with another body is 409 IDEMPOTENCY_KEY_REUSE", async () => {
    const key = crypto.randomUUID();
    await api("POST", "/v1/dashboard/orgs", { token, headers: keyed(key), body: { name: "First" } });
    const reused = await api("POST", "/v1/dashboard/orgs", { token, headers: keyed(key), body: { name: "Second" } });
    expect(reused.status).toBe(409);
    expect(reused.body).toEqual({ ok: false, error: { code: "IDEMPOTENCY_KEY_REUSE", message: expect.any(String) } });
    expect((await listOrgs()).some((org) => org.name === "Second")).toBe(false);
  });

  test("a key over 255 characters is 400 VALIDATION_ERROR and nothing runs; 255 is fine", async () => {
    const tooLong = await api("POST", "/v1/dashboard/orgs", { token, headers: keyed("k".repeat(256)), body: { name: "Too long" } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe("VALIDATION_ERROR");
    expect((await listOrgs()).some((org) => org.name === "Too long")).toBe(false);
    const longest = await api("POST", "/v1/dashboard/orgs", { token, headers: keyed("k".repeat(255)), body: { name: "Long" } });
    expect(longest.status).toBe(201);
  });

  test("keys belong to the credential: another user's identical request runs on its own", async () => {
    const other = await signUp(api);
    const key = crypto.randomUUID();
    const mine = await api("POST", "/v1/dashboard/orgs", { token, headers: keyed(key), body: { name: "Same" } });
    const theirs = await api("POST", "/v1/dashboard/orgs", { token: other.token, headers: keyed(key), body: { name: "Same" } });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(theirs.body.data.org.id).not.toBe(mine.body.data.org.id);
  });

  test("PATCH and DELETE replay too; an error answer is replayed as it was", async () => {
    const org = (await api("POST", "/v1/dashboard/orgs", { token, body: { name: "To delete" } })).body.data.org;
    const key = crypto.randomUUID();
    const deleted = await api("DELETE", `/v1/dashboard/orgs/${org.id}`, { token, headers: keyed(key) });
    expect(deleted.status).toBe(200);
    const again = await api("DELETE", `/v1/dashboard/orgs/${org.id}`, { token, headers: keyed(key) });
    expect([again.status, again.headers.get("idempotent-replayed")]).toEqual([200, "true"]);
    const unkeyed = await api("DELETE", `/v1/dashboard/orgs/${org.id}`, { token });
    expect(unkeyed.status).toBeGreaterThanOrEqual(400);
    const patchKey = crypto.randomUUID();
    const missing = await api("PATCH", `/v1/dashboard/orgs/${org.id}`, { token, headers: keyed(patchKey), body: { name: "x" } });
    const missingAgain = await api("PATCH", `/v1/dashboard/orgs/${org.id}`, { token, headers: keyed(patchKey), body: { name: "x" } });
    expect(missingAgain.status).toBe(missing.status);
    expect(missingAgain.body).toEqual(missing.body);
    expect(missingAgain.headers.get("idempotent-replayed")).toBe("true");
  });

  test("public routes: a retried register replays its 201 instead of answering 'email taken'", async () => {
    const key = crypto.randomUUID();
    const body = { email: uniqueEmail("retry"), password: PASSWORD };
    const first = await api("POST", "/v1/auth/register", { headers: keyed(key), body });
    const again = await api("POST", "/v1/auth/register", { headers: keyed(key), body });
    expect([first.status, again.status, again.headers.get("idempotent-replayed")]).toEqual([201, 201, "true"]);
    expect(again.body).toEqual(first.body);
  });

  test("answers holding tokens or secrets are never stored: a keyed login runs again and issues new tokens", async () => {
    const email = uniqueEmail("secret");
    await api("POST", "/v1/auth/register", { body: { email, password: PASSWORD } });
    const key = crypto.randomUUID();
    const first = await api("POST", "/v1/auth/login", { headers: keyed(key), body: { email, password: PASSWORD } });
    const second = await api("POST", "/v1/auth/login", { headers: keyed(key), body: { email, password: PASSWORD } });
    expect([first.status, second.status, second.headers.get("idempotent-replayed")]).toEqual([200, 200, null]);
    expect(second.body.data.refreshToken).not.toBe(first.body.data.refreshToken);
    const tooLong = await api("POST", "/v1/auth/login", { headers: keyed("k".repeat(256)), body: { email, password: PASSWORD } });
    expect(tooLong.status).toBe(400);
  });

  test("API-key routes: keys are scoped to the API key; a retried create makes one license", async () => {
    const { productId } = await orgWithProduct(api, token);
    const [one, two] = [await issueApiKey(api, token, productId, ["license:create", "license:read"]), await issueApiKey(api, token, productId, ["license:create"])];
    const key = crypto.randomUUID();
    const create = (apiKey: string) => api("POST", `/v1/products/${productId}/licenses`, withKey(apiKey, { headers: keyed(key), body: { note: "once" } }));
    const first = await create(one.key);
    const again = await create(one.key);
    expect([first.status, again.status, again.headers.get("idempotent-replayed")]).toEqual([201, 201, "true"]);
    expect(again.body).toEqual(first.body);
    const otherKey = await create(two.key);
    expect([otherKey.status, otherKey.headers.get("idempotent-replayed")]).toEqual([201, null]);
    const listed = await api("GET", `/v1/products/${productId}/licenses`, withKey(one.key));
    expect(listed.body.data.licenses).toHaveLength(2);
  });

  test("a new API key's plaintext is never stored for replay: the keyed retry creates another key", async () => {
    const { productId } = await orgWithProduct(api, token);
    const key = crypto.randomUUID();
    const body = { productId, name: "ci" };
    const first = await api("POST", "/v1/dashboard/api-keys", { token, headers: keyed(key), body });
    const second = await api("POST", "/v1/dashboard/api-keys", { token, headers: keyed(key), body });
    expect([first.status, second.status, second.headers.get("idempotent-replayed")]).toEqual([201, 201, null]);
    expect(second.body.data.key).not.toBe(first.body.data.key);
  });
});
