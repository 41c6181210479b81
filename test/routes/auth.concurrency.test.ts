import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD, signUp, uniqueEmail } from "../support/accounts.ts";

/** Single-use things stay single-use when the same request arrives several times at once. */
describe("accounts under concurrent requests", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  const statuses = (responses: { status: number }[]) => responses.map((r) => r.status).sort();

  test("5 registrations of one email at once: one 201, four 409, one account", async () => {
    const email = uniqueEmail("race");
    const users = await t.count("users");
    const responses = await Promise.all(
      Array.from({ length: 5 }, (_, i) => t.api("POST", "/v1/auth/register", { body: { email: i % 2 ? email.toUpperCase() : email, password: PASSWORD } })),
    );
    expect(statuses(responses)).toEqual([201, 409, 409, 409, 409]);
    expect(await t.count("users")).toBe(users + 1);
  });

  test("one reset token used 5 times at once sets one password", async () => {
    const user = await signUp(t.api);
    await t.api("POST", "/v1/auth/forgot-password", { body: { email: user.email } });
    const token = await t.mailedToken(user.email, "gg_pr");
    const passwords = Array.from({ length: 5 }, (_, i) => `new passphrase number ${i}`);
    const responses = await Promise.all(passwords.map((password) => t.api("POST", "/v1/auth/reset-password", { body: { token, password } })));
    expect(statuses(responses)).toEqual([200, 401, 401, 401, 401]);
    const winner = passwords[responses.findIndex((r) => r.status === 200)];
    expect((await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: winner } })).status).toBe(200);
  });

  test("one verification token used 5 times at once: one 200", async () => {
    const user = await signUp(t.api);
    const token = await t.mailedToken(user.email, "gg_ve");
    const responses = await Promise.all(Array.from({ length: 5 }, () => t.api("POST", "/v1/auth/verify-email", { body: { token } })));
    expect(statuses(responses)).toEqual([200, 401, 401, 401, 401]);
  });

  test("logout with a stale (already rotated) refresh token still ends that login", async () => {
    const user = await signUp(t.api);
    const rotated = await t.api("POST", "/v1/auth/refresh", { body: { refreshToken: user.refreshToken } });
    const out = await t.api("POST", "/v1/auth/logout", { body: { refreshToken: user.refreshToken } });
    expect(out.status).toBe(200);
    const current = await t.api("POST", "/v1/auth/refresh", { body: { refreshToken: rotated.body.data.refreshToken } });
    expect(current.status).toBe(401);
  });
});
