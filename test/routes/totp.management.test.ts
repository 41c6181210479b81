import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { totpCodeAt } from "@geckoguard/core";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD, signUp } from "../support/accounts.ts";
import { STEP_MS, totpUser, wrongCode } from "../support/totp-user.ts";

describe("TOTP: setup, enable and disable", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  const me = async (token: string) => (await t.api("GET", "/v1/dashboard/me", { token })).body.data.user;

  test("setup or enable while enabled is 409 CONFLICT and changes nothing", async () => {
    const user = await totpUser(t);
    const setup = await t.api("POST", "/v1/dashboard/me/totp/setup", { token: user.token });
    expect(setup.status).toBe(409);
    expect(setup.body.error.code).toBe("CONFLICT");
    t.clock.advance(STEP_MS);
    const enable = await t.api("POST", "/v1/dashboard/me/totp/enable", {
      token: user.token,
      body: { code: await totpCodeAt(user.secret, t.clock.now()) },
    });
    expect(enable.status).toBe(409);
    // The original secret still guards the account.
    const login = await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
    const verified = await t.api("POST", "/v1/auth/totp/verify-login", {
      body: { challengeToken: login.body.data.challengeToken, code: await totpCodeAt(user.secret, t.clock.now() + STEP_MS) },
    });
    expect(verified.status).toBe(200);
  });

  test("enable needs setup first, and a right code; a wrong one leaves TOTP off", async () => {
    const user = await signUp(t.api);
    const early = await t.api("POST", "/v1/dashboard/me/totp/enable", { token: user.token, body: { code: "123456" } });
    expect(early.status).toBe(400);
    const setup = await t.api("POST", "/v1/dashboard/me/totp/setup", { token: user.token });
    const wrong = await t.api("POST", "/v1/dashboard/me/totp/enable", {
      token: user.token,
      body: { code: await wrongCode(setup.body.data.secret, t.clock.now()) },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("INVALID_TOTP");
    expect((await me(user.token)).totpEnabled).toBe(false);
    const login = await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
    expect(login.body.data.accessToken).toBeString();
  });

  test("disable with a recovery code turns TOTP off; the code cannot be used again", async () => {
    const user = await totpUser(t);
    const [code] = user.recoveryCodes as [string];
    const disabled = await t.api("POST", "/v1/dashboard/me/totp/disable", { token: user.token, body: { code } });
    expect(disabled.status).toBe(200);
    expect((await me(user.token)).totpEnabled).toBe(false);
    const login = await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
    expect(login.body.data.accessToken).toBeString();
    const again = await t.api("POST", "/v1/dashboard/me/totp/disable", { token: user.token, body: { code } });
    expect(again.status).toBe(409);
  });

  test("disable with a wrong code is 401 INVALID_TOTP and TOTP stays on", async () => {
    const user = await totpUser(t);
    const response = await t.api("POST", "/v1/dashboard/me/totp/disable", {
      token: user.token,
      body: { code: await wrongCode(user.secret, t.clock.now()) },
    });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("INVALID_TOTP");
    expect((await me(user.token)).totpEnabled).toBe(true);
  });

  test("re-enabling after disable issues fresh recovery codes; the old ones are dead", async () => {
    const user = await totpUser(t);
    t.clock.advance(STEP_MS);
    await t.api("POST", "/v1/dashboard/me/totp/disable", { token: user.token, body: { code: await totpCodeAt(user.secret, t.clock.now()) } });
    const setup = await t.api("POST", "/v1/dashboard/me/totp/setup", { token: user.token });
    t.clock.advance(STEP_MS);
    const enabled = await t.api("POST", "/v1/dashboard/me/totp/enable", {
      token: user.token,
      body: { code: await totpCodeAt(setup.body.data.secret, t.clock.now()) },
    });
    expect(enabled.status).toBe(200);
    const login = await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
    const old = await t.api("POST", "/v1/auth/totp/verify-login", {
      body: { challengeToken: login.body.data.challengeToken, code: user.recoveryCodes[1] },
    });
    expect(old.status).toBe(401);
  });

  test("disable and re-enable within one 30 s step: the new secret's current code is accepted", async () => {
    const user = await totpUser(t);
    t.clock.advance(STEP_MS);
    const off = await t.api("POST", "/v1/dashboard/me/totp/disable", {
      token: user.token,
      body: { code: await totpCodeAt(user.secret, t.clock.now()) },
    });
    expect(off.status).toBe(200);
    const setup = await t.api("POST", "/v1/dashboard/me/totp/setup", { token: user.token });
    const enabled = await t.api("POST", "/v1/dashboard/me/totp/enable", {
      token: user.token,
      body: { code: await totpCodeAt(setup.body.data.secret, t.clock.now()) },
    });
    expect(enabled.status).toBe(200);
  });
});
