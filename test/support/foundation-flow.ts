import { expect } from "bun:test";
import { totpCodeAt } from "@geckoguard/core";
import type { Api } from "./http-client.ts";
import { PASSWORD, uniqueEmail } from "./accounts.ts";

/**
 * The foundation walk of issue 2, run against the source server and the compiled
 * binary alike: register → login → enable TOTP → login with challenge → refresh →
 * reuse of the old refresh token is refused and kills the family → create org →
 * create product → a second user cannot read that product.
 */
export async function walkFoundationFlow(api: Api): Promise<void> {
  const email = uniqueEmail("owner");
  const registered = await api("POST", "/v1/auth/register", { body: { email, password: PASSWORD, name: "Owner" } });
  expect(registered.status).toBe(201);
  expect(registered.body.data.user).toMatchObject({ email, name: "Owner", totpEnabled: false });
  expect(JSON.stringify(registered.body)).not.toContain("password");

  const first = await api("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
  expect(first.status).toBe(200);
  const token = first.body.data.accessToken as string;

  const setup = await api("POST", "/v1/dashboard/me/totp/setup", { token });
  expect(setup.status).toBe(200);
  const secret = setup.body.data.secret as string;
  expect(setup.body.data.otpauthUrl).toStartWith("otpauth://totp/");
  const enabled = await api("POST", "/v1/dashboard/me/totp/enable", { token, body: { code: await totpCodeAt(secret, Date.now()) } });
  expect(enabled.status).toBe(200);
  expect(enabled.body.data.recoveryCodes).toHaveLength(10);

  const challenged = await api("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
  expect(challenged.status).toBe(200);
  expect(challenged.body.data).toMatchObject({ twoFactorRequired: true });
  expect(challenged.body.data.accessToken).toBeUndefined();
  // The enable step used the current code; the next step's code is inside the ±1 window.
  const verified = await api("POST", "/v1/auth/totp/verify-login", {
    body: { challengeToken: challenged.body.data.challengeToken, code: await totpCodeAt(secret, Date.now() + 30_000) },
  });
  expect(verified.status).toBe(200);
  const pair = verified.body.data as { accessToken: string; refreshToken: string };

  const rotated = await api("POST", "/v1/auth/refresh", { body: { refreshToken: pair.refreshToken } });
  expect(rotated.status).toBe(200);
  expect(rotated.body.data.refreshToken).not.toBe(pair.refreshToken);

  const reused = await api("POST", "/v1/auth/refresh", { body: { refreshToken: pair.refreshToken } });
  expect(reused.status).toBe(401);
  expect(reused.body.error.code).toBe("REFRESH_TOKEN_REUSED");
  const familyDead = await api("POST", "/v1/auth/refresh", { body: { refreshToken: rotated.body.data.refreshToken } });
  expect(familyDead.status).toBe(401);

  const ownerToken = rotated.body.data.accessToken as string;
  const org = await api("POST", "/v1/dashboard/orgs", { token: ownerToken, body: { name: "Acme" } });
  expect(org.status).toBe(201);
  expect(org.body.data.org.role).toBe("owner");
  const product = await api("POST", "/v1/dashboard/products", { token: ownerToken, body: { name: "Desktop App" } });
  expect(product.status).toBe(201);
  expect(product.body.data.product.orgId).toBe(org.body.data.org.id);
  expect(product.body.data.product.publicKey).toStartWith("-----BEGIN PUBLIC KEY-----");
  expect(JSON.stringify(product.body)).not.toContain("PRIVATE");

  const stranger = uniqueEmail("stranger");
  await api("POST", "/v1/auth/register", { body: { email: stranger, password: PASSWORD } });
  const strangerLogin = await api("POST", "/v1/auth/login", { body: { email: stranger, password: PASSWORD } });
  const denied = await api("GET", `/v1/dashboard/products/${product.body.data.product.id}`, { token: strangerLogin.body.data.accessToken });
  expect(denied.status).toBe(403);
  expect(denied.body).toEqual({ ok: false, error: { code: "FORBIDDEN", message: expect.any(String) } });
}
