import { expect, test } from "bun:test";
import { totpCodeAt } from "@geckoguard/core";
import { PASSWORD, signUp } from "../support/accounts.ts";
import type { ApiResponse } from "../support/http-client.ts";
import { apiKeyFor } from "../support/licensing-fixtures.ts";
import { routeTestSetup } from "../support/test-app.ts";
import { STEP_MS } from "../support/totp-user.ts";
import { PUBLIC_HOOK_URL, webhooksPath } from "../support/webhook-endpoints.ts";

const t = routeTestSetup();

/**
 * Every route whose answer holds a token, a TOTP secret, recovery codes, an API key, a
 * webhook signing secret or license keys (docs/authentication.md, "Answers that hold
 * secrets"), called for real: each answer must succeed and be `Cache-Control: no-store`.
 */
test("every answer that holds a token, key or secret is Cache-Control: no-store", async () => {
  const answers: [string, ApiResponse][] = [];
  const call = async (label: string, method: string, path: string, options: Parameters<typeof t.api>[2] = {}) => {
    const answer = await t.api(method, path, options);
    answers.push([label, answer]);
    return answer;
  };

  const user = await signUp(t.api);
  const login = await call("login", "POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
  await call("refresh", "POST", "/v1/auth/refresh", { body: { refreshToken: login.body.data.refreshToken } });
  const setup = await call("totp setup", "POST", "/v1/dashboard/me/totp/setup", { token: user.token });
  const secret = setup.body.data.secret as string;
  await call("totp enable", "POST", "/v1/dashboard/me/totp/enable", { token: user.token, body: { code: await totpCodeAt(secret, t.app.clock.now()) } });
  const challenge = await call("login with 2FA (challenge token)", "POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
  t.app.clock.advance(STEP_MS);
  const code = await totpCodeAt(secret, t.app.clock.now());
  await call("totp verify-login", "POST", "/v1/auth/totp/verify-login", { body: { challengeToken: challenge.body.data.challengeToken, code } });

  const owner = t.owner;
  const apiKey = await call("api key create", "POST", "/v1/dashboard/api-keys", { token: owner, body: { productId: t.productId, name: "ci" } });
  await call("api key rotate", "POST", `/v1/dashboard/api-keys/${apiKey.body.data.apiKey.id}/rotate`, { token: owner });
  const hook = await call("webhook endpoint create", "POST", webhooksPath(t.productId), { token: owner, body: { url: PUBLIC_HOOK_URL, events: ["*"] } });
  await call("webhook rotate-secret", "POST", webhooksPath(t.productId, `/${hook.body.data.endpoint.id}/rotate-secret`), { token: owner });

  const orgLicenses = `/v1/dashboard/orgs/${t.orgId}/licenses`;
  const created = await call("org license create", "POST", orgLicenses, { token: owner, body: { productId: t.productId, count: 2, expiresAt: new Date(t.app.clock.now() + 86_400_000).toISOString() } });
  const [first, second] = created.body.data.licenses as { id: string; key: string }[];
  await call("org license list", "GET", orgLicenses, { token: owner });
  await call("org licenses expiring", "GET", `${orgLicenses}/expiring`, { token: owner });
  await call("license export csv", "GET", `${orgLicenses}/export?format=csv`, { token: owner });
  await call("license export json", "GET", `${orgLicenses}/export?format=json`, { token: owner });
  await call("dashboard license list", "GET", "/v1/dashboard/licenses", { token: owner });
  await call("dashboard license get", "GET", `/v1/dashboard/licenses/${first!.id}`, { token: owner });
  await call("dashboard license patch", "PATCH", `/v1/dashboard/licenses/${first!.id}`, { token: owner, body: { note: "n" } });
  await call("dashboard license revoke", "POST", `/v1/dashboard/licenses/${first!.id}/revoke`, { token: owner });
  await call("dashboard license redeem", "POST", "/v1/dashboard/licenses/redeem", { token: owner, body: { key: second!.key, endUser: { username: "eve" } } });

  const key = await apiKeyFor(t.app.context, t.productId, ["license:read", "license:create", "license:update", "license:revoke"]);
  const management = `/v1/products/${t.productId}/licenses`;
  const made = await call("management license create", "POST", management, { headers: { "x-api-key": key }, body: {} });
  const id = made.body.data.licenses[0].id as string;
  await call("management license list", "GET", management, { headers: { "x-api-key": key } });
  await call("management license get", "GET", `${management}/${id}`, { headers: { "x-api-key": key } });
  await call("management license patch", "PATCH", `${management}/${id}`, { headers: { "x-api-key": key }, body: { note: "n" } });
  await call("management license revoke", "POST", `${management}/${id}/revoke`, { headers: { "x-api-key": key } });

  const failed = answers.filter(([, a]) => a.status >= 300).map(([label, a]) => `${label}: ${a.status}`);
  expect(failed).toEqual([]);
  const cached = answers.filter(([, a]) => a.headers.get("cache-control") !== "no-store").map(([label]) => label);
  expect(cached).toEqual([]);
});

test("a replayed answer and a refused one of such a route are no-store too; other answers are not marked", async () => {
  const path = `/v1/dashboard/orgs/${t.orgId}/licenses`;
  const send = () => t.api("POST", path, { token: t.owner, headers: { "idempotency-key": "no-store-replay-1" }, body: { productId: t.productId } });
  expect((await send()).headers.get("cache-control")).toBe("no-store");
  const replay = await send();
  expect(replay.headers.get("idempotent-replayed")).toBe("true");
  expect(replay.headers.get("cache-control")).toBe("no-store");
  const refused = await t.api("POST", "/v1/auth/login", { body: { email: "nobody@example.com", password: "wrong password 1" } });
  expect(refused.status).toBe(401);
  expect(refused.headers.get("cache-control")).toBe("no-store");
  expect((await t.api("GET", "/v1/dashboard/me", { token: t.owner })).headers.get("cache-control")).toBeNull();
});
