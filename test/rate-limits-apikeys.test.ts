import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api, type ApiResponse } from "./support/http-client.ts";
import { orgWithProduct, signUp } from "./support/accounts.ts";
import { issueApiKey, withKey } from "./support/api-keys.ts";
import { answerVerifies, authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";

/** API-key routes and authorize: per key, per product (with a product's own limits), per license. */
describe("rate limits of API-key routes and authorize (docs/authentication.md#rate-limits)", () => {
  let server: RunningServer;
  let api: Api;
  beforeAll(async () => {
    server = await startServer({ env: { GG_RATE_LIMIT_KEY_PER_MIN: "5", GG_RATE_LIMIT_PRODUCT_PER_MIN: "8", GG_RATE_LIMIT_LICENSE_PER_MIN: "2" } });
    api = apiClient(server.baseUrl);
  });
  afterAll(() => server.stop());

  const codes = (answers: ApiResponse[]) => answers.map((r) => (r.status === 200 ? 200 : r.body.error.code));
  async function calls(n: number, key: string, productId: string): Promise<ApiResponse[]> {
    const answers: ApiResponse[] = [];
    for (let i = 0; i < n; i++) answers.push(await api("GET", `/v1/products/${productId}/licenses`, withKey(key)));
    return answers;
  }
  async function productWithKeys(keys: number, policy?: object) {
    const { token } = await signUp(api);
    const { productId } = await orgWithProduct(api, token);
    if (policy) expect((await api("PATCH", `/v1/dashboard/products/${productId}`, { token, body: { policy } })).status).toBe(200);
    const issued = [];
    for (let i = 0; i < keys; i++) issued.push((await issueApiKey(api, token, productId, ["license:read"])).key);
    return { productId, keys: issued };
  }

  test("per key: the sixth call of a key is 429 RATE_LIMITED; answers carry RateLimit-* of the tightest bucket", async () => {
    const { productId, keys } = await productWithKeys(1);
    const answers = await calls(6, keys[0]!, productId);
    expect(codes(answers)).toEqual([200, 200, 200, 200, 200, "RATE_LIMITED"]);
    expect(answers[0]!.headers.get("ratelimit-limit")).toBe("5");
    expect(answers[0]!.headers.get("ratelimit-remaining")).toBe("4");
    expect(Number(answers[5]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  test("per product: keys of one product share its bucket, and its refusal is PRODUCT_RATE_LIMITED", async () => {
    const { productId, keys } = await productWithKeys(2);
    expect(codes(await calls(5, keys[0]!, productId))).toEqual([200, 200, 200, 200, 200]);
    const second = await calls(4, keys[1]!, productId);
    expect(codes(second)).toEqual([200, 200, 200, "PRODUCT_RATE_LIMITED"]);
    expect(second[3]!.status).toBe(429);
    expect(second[3]!.headers.get("retry-after")).not.toBeNull();
  });

  test("a product's own limit (policy.rateLimits) replaces the deployment's", async () => {
    const { productId, keys } = await productWithKeys(1, { rateLimits: { productPerMin: 2 } });
    expect(codes(await calls(3, keys[0]!, productId))).toEqual([200, 200, "PRODUCT_RATE_LIMITED"]);
  });

  test("authorize: the third call on one license key is 429, signed like every answer once the key is known", async () => {
    const f = await authorizeFixture(api, {}, 2);
    const first = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "m-1" });
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("2");
    expect(first.headers.get("ratelimit-remaining")).toBe("1");
    await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "m-1" });
    const third = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "m-1" });
    expect(third.status).toBe(429);
    expect(third.body.error.code).toBe("RATE_LIMITED");
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(answerVerifies(f.publicKey, third.nonce, third.raw, third.signature)).toBe(true);
    const otherLicense = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[1]!.key, hwid: "m-1" });
    expect(otherLicense.status).toBe(200);
  });

  test("one key's bucket counts its authorize calls and its other calls together (authorize runs on its own thread)", async () => {
    const f = await authorizeFixture(api, {}, 3);
    const { key } = await issueApiKey(api, f.owner.token, f.productId, ["license:authorize", "license:read"]);
    for (const license of f.licenses) {
      expect((await authorizeCall(server.baseUrl, key, { licenseKey: license.key, hwid: "m-1" })).status).toBe(200);
    }
    expect(codes(await calls(3, key, f.productId))).toEqual([200, 200, "RATE_LIMITED"]);
  });
});
