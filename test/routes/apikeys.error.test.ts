import { beforeAll, describe, expect, test } from "bun:test";
import { expectError, routeTestSetup } from "../support/test-app.ts";
import { issueApiKey, withKey } from "../support/api-keys.ts";
import type { ApiResponse } from "../support/http-client.ts";

describe("API keys: bad input", () => {
  const setup = routeTestSetup();
  const api = setup.api;
  let token: string;
  let productId: string;
  beforeAll(() => {
    ({ owner: token, productId } = setup);
  });

  const expect400 = (response: ApiResponse) => expectError(response, 400, "VALIDATION_ERROR");

  test("an unknown scope is 400 on create and on update, and nothing changes", async () => {
    expect400(await api("POST", "/v1/dashboard/api-keys", { token, body: { productId, name: "x", permissions: ["license:read", "admin:all"] } }));
    expect400(await api("POST", "/v1/dashboard/api-keys", { token, body: { productId, name: "x", permissions: "license:read" } }));
    const { id, key } = await issueApiKey(api, token, productId, ["license:read"]);
    expect400(await api("PATCH", `/v1/dashboard/api-keys/${id}`, { token, body: { permissions: ["LICENSE:READ"] } }));
    expect((await api("GET", "/v1/whoami", withKey(key))).body.data.permissions).toEqual(["license:read"]);
  });

  test("missing or malformed fields and ids are 400", async () => {
    expect400(await api("POST", "/v1/dashboard/api-keys", { token, body: { name: "x" } }));
    expect400(await api("POST", "/v1/dashboard/api-keys", { token, body: { productId, name: "" } }));
    expect400(await api("POST", "/v1/dashboard/api-keys", { token, body: { productId: "not-a-uuid", name: "x" } }));
    expect400(await api("POST", "/v1/dashboard/api-keys", { token, rawBody: "{not json" }));
    expect400(await api("GET", "/v1/dashboard/api-keys", { token }));
    expect400(await api("POST", "/v1/dashboard/api-keys/not-a-uuid/rotate", { token }));
  });

  test("pageSize over the maximum (200), below 1, or page 0 is 400 on both families", async () => {
    const { key } = await issueApiKey(api, token, productId);
    for (const query of ["pageSize=201", "pageSize=0", "page=0", "pageSize=abc"]) {
      expect400(await api("GET", `/v1/dashboard/api-keys?productId=${productId}&${query}`, { token }));
      expect400(await api("GET", `/v1/products/${productId}/api-keys?${query}`, withKey(key)));
    }
    expect((await api("GET", `/v1/dashboard/api-keys?productId=${productId}&pageSize=200`, { token })).status).toBe(200);
  });

  test("a product that does not exist is 404", async () => {
    const missing = "0190a0b0-0000-7000-8000-000000000000";
    const answer = await api("POST", "/v1/dashboard/api-keys", { token, body: { productId: missing, name: "x" } });
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 404, code: "NOT_FOUND" });
  });
});
