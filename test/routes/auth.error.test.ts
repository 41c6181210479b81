import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { SignJWT } from "jose";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD, signUp, uniqueEmail } from "../support/accounts.ts";

const MINUTE = 60_000;

describe("accounts: refused credentials", () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof signUp>>;
  beforeAll(async () => {
    t = await openTestApp();
    user = await signUp(t.api);
  });
  afterAll(() => t.close());

  test("registering a taken email in any case is 409 CONFLICT and adds no account", async () => {
    const users = await t.count("users");
    for (const email of [user.email, user.email.toUpperCase(), user.email.replace(/^./, (c) => c.toUpperCase())]) {
      const response = await t.api("POST", "/v1/auth/register", { body: { email, password: PASSWORD } });
      expect(response.status).toBe(409);
      expect(response.body).toEqual({ ok: false, error: { code: "CONFLICT", message: expect.any(String) } });
    }
    expect(await t.count("users")).toBe(users);
  });

  test("login with any case of the email works: emails are stored lower-cased", async () => {
    const response = await t.api("POST", "/v1/auth/login", { body: { email: user.email.toUpperCase(), password: PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.body.data.user.email).toBe(user.email);
  });

  test("a wrong password and an unknown email give the identical 401 INVALID_CREDENTIALS", async () => {
    const wrongPassword = await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: "not the password" } });
    const unknownEmail = await t.api("POST", "/v1/auth/login", { body: { email: uniqueEmail("nobody"), password: PASSWORD } });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.error.code).toBe("INVALID_CREDENTIALS");
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  test("an API key on a dashboard route is 401 UNAUTHORIZED", async () => {
    const response = await t.api("GET", "/v1/dashboard/me", { headers: { "x-api-key": "gg_live_0123456789abcdef" } });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("UNAUTHORIZED");
  });

  test("no Authorization, or a malformed one, is 401 UNAUTHORIZED", async () => {
    const foreignSecret = new TextEncoder().encode("x".repeat(32));
    const forged = await new SignJWT({ typ: "access" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.userId)
      .setIssuer("geckoguard")
      .setAudience("geckoguard:dashboard")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(foreignSecret);
    const unsigned = `${btoa(JSON.stringify({ alg: "none" }))}.${btoa(JSON.stringify({ sub: user.userId }))}.`;
    const headerSets: Record<string, string>[] = [
      {},
      { authorization: "" },
      { authorization: "Bearer" },
      { authorization: `Basic ${btoa("a:b")}` },
      { authorization: `Bearer ${user.token} extra` },
      { authorization: "Bearer not.a.jwt" },
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${unsigned}` },
      { authorization: `Bearer ${user.refreshToken}` },
    ];
    for (const headers of headerSets) {
      const response = await t.api("GET", "/v1/dashboard/me", { headers });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ ok: false, error: { code: "UNAUTHORIZED", message: expect.any(String) } });
    }
  });

  test("an access token is refused as a refresh token", async () => {
    const response = await t.api("POST", "/v1/auth/refresh", { body: { refreshToken: user.token } });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("UNAUTHORIZED");
  });

  test("an access token lives 15 minutes", async () => {
    const fresh = await signUp(t.api);
    t.clock.advance(14 * MINUTE);
    expect((await t.api("GET", "/v1/dashboard/me", { token: fresh.token })).status).toBe(200);
    t.clock.advance(2 * MINUTE);
    const expired = await t.api("GET", "/v1/dashboard/me", { token: fresh.token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("UNAUTHORIZED");
    // The refresh token still works and gives a live access token.
    const refreshed = await t.api("POST", "/v1/auth/refresh", { body: { refreshToken: fresh.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect((await t.api("GET", "/v1/dashboard/me", { token: refreshed.body.data.accessToken })).status).toBe(200);
  });

  test("a refresh token expires after 30 days", async () => {
    const fresh = await signUp(t.api);
    t.clock.advance(30 * 24 * 60 * MINUTE + 1);
    const response = await t.api("POST", "/v1/auth/refresh", { body: { refreshToken: fresh.refreshToken } });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("UNAUTHORIZED");
  });

  test("logout revokes the refresh token; an unknown one is 401", async () => {
    const fresh = await signUp(t.api);
    const out = await t.api("POST", "/v1/auth/logout", { body: { refreshToken: fresh.refreshToken } });
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ ok: true, data: { loggedOut: true } });
    const after = await t.api("POST", "/v1/auth/refresh", { body: { refreshToken: fresh.refreshToken } });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("UNAUTHORIZED");
    const unknown = await t.api("POST", "/v1/auth/logout", { body: { refreshToken: "gg_rt_does-not-exist-anywhere" } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe("UNAUTHORIZED");
  });
});
