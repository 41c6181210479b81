import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD, signUp, uniqueEmail } from "../support/accounts.ts";

const NEW_PASSWORD = "a brand new passphrase";

/** Password reset and email verification: single-use, expiring tokens from the outbox. */
describe("accounts: mailed tokens", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  test("forgot-password answers the same for an unknown email, and mails nobody", async () => {
    const user = await signUp(t.api);
    const mails = await t.count("mail_outbox");
    const known = await t.api("POST", "/v1/auth/forgot-password", { body: { email: user.email } });
    expect(await t.count("mail_outbox")).toBe(mails + 1);
    const unknown = await t.api("POST", "/v1/auth/forgot-password", { body: { email: uniqueEmail("ghost") } });
    expect(await t.count("mail_outbox")).toBe(mails + 1);
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(known.body);
  });

  test("a reset token works once, sets the password and signs out every session", async () => {
    const user = await signUp(t.api);
    const otherSession = await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
    await t.api("POST", "/v1/auth/forgot-password", { body: { email: user.email } });
    const token = await t.mailedToken(user.email, "gg_pr");

    const reset = await t.api("POST", "/v1/auth/reset-password", { body: { token, password: NEW_PASSWORD } });
    expect(reset.status).toBe(200);
    for (const refreshToken of [user.refreshToken, otherSession.body.data.refreshToken]) {
      const refreshed = await t.api("POST", "/v1/auth/refresh", { body: { refreshToken } });
      expect(refreshed.status).toBe(401);
    }
    const oldPassword = await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
    expect(oldPassword.body.error.code).toBe("INVALID_CREDENTIALS");
    expect((await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: NEW_PASSWORD } })).status).toBe(200);

    const again = await t.api("POST", "/v1/auth/reset-password", { body: { token, password: "yet another passphrase" } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("UNAUTHORIZED");
    expect((await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: NEW_PASSWORD } })).status).toBe(200);
  });

  test("a newer reset link kills the older one", async () => {
    const user = await signUp(t.api);
    await t.api("POST", "/v1/auth/forgot-password", { body: { email: user.email } });
    const older = await t.mailedToken(user.email, "gg_pr");
    t.clock.advance(1);
    await t.api("POST", "/v1/auth/forgot-password", { body: { email: user.email } });
    const newer = await t.mailedToken(user.email, "gg_pr");
    expect(newer).not.toBe(older);
    expect((await t.api("POST", "/v1/auth/reset-password", { body: { token: older, password: NEW_PASSWORD } })).status).toBe(401);
    expect((await t.api("POST", "/v1/auth/reset-password", { body: { token: newer, password: NEW_PASSWORD } })).status).toBe(200);
  });

  test("a reset token expires after an hour; an unknown token is 401", async () => {
    const user = await signUp(t.api);
    await t.api("POST", "/v1/auth/forgot-password", { body: { email: user.email } });
    const token = await t.mailedToken(user.email, "gg_pr");
    t.clock.advance(60 * 60_000 + 1);
    const late = await t.api("POST", "/v1/auth/reset-password", { body: { token, password: NEW_PASSWORD } });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe("UNAUTHORIZED");
    const unknown = await t.api("POST", "/v1/auth/reset-password", { body: { token: "gg_pr_made-up-token", password: NEW_PASSWORD } });
    expect(unknown.body).toEqual(late.body);
    expect((await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } })).status).toBe(200);
  });

  test("verify-email works once, and a reset token is not a verification token", async () => {
    const user = await signUp(t.api);
    await t.api("POST", "/v1/auth/forgot-password", { body: { email: user.email } });
    const resetToken = await t.mailedToken(user.email, "gg_pr");
    const wrongPurpose = await t.api("POST", "/v1/auth/verify-email", { body: { token: resetToken } });
    expect(wrongPurpose.status).toBe(401);

    const token = await t.mailedToken(user.email, "gg_ve");
    expect((await t.api("GET", "/v1/dashboard/me", { token: user.token })).body.data.user.emailVerified).toBe(false);
    const verified = await t.api("POST", "/v1/auth/verify-email", { body: { token } });
    expect(verified.status).toBe(200);
    expect((await t.api("GET", "/v1/dashboard/me", { token: user.token })).body.data.user.emailVerified).toBe(true);
    const again = await t.api("POST", "/v1/auth/verify-email", { body: { token } });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("UNAUTHORIZED");
  });

  test("mail bodies (single-use links) are never logged", async () => {
    const user = await signUp(t.api);
    await t.api("POST", "/v1/auth/forgot-password", { body: { email: user.email } });
    const logged = JSON.stringify(t.logs);
    expect(logged).toContain("mail.queued");
    expect(logged).not.toContain(await t.mailedToken(user.email, "gg_pr"));
    expect(logged).not.toContain(await t.mailedToken(user.email, "gg_ve"));
  });
});
