import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { totpCodeAt } from "@geckoguard/core";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD } from "../support/accounts.ts";
import { challenge, STEP_MS, totpUser, wrongCode } from "../support/totp-user.ts";

describe("TOTP: codes are single-use and challenges are bounded", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  const verify = (challengeToken: string, code: string) =>
    t.api("POST", "/v1/auth/totp/verify-login", { body: { challengeToken, code } });

  test("an accepted code is refused the second time (replay)", async () => {
    const user = await totpUser(t);
    // The enable code itself is spent.
    const replayOfEnable = await verify(await challenge(t, user.email), user.enableCode);
    expect(replayOfEnable.status).toBe(401);
    expect(replayOfEnable.body.error.code).toBe("INVALID_TOTP");

    t.clock.advance(STEP_MS);
    const code = await totpCodeAt(user.secret, t.clock.now());
    expect((await verify(await challenge(t, user.email), code)).status).toBe(200);
    const replay = await verify(await challenge(t, user.email), code);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("INVALID_TOTP");
  });

  test("of two concurrent logins with the same code exactly one succeeds", async () => {
    const user = await totpUser(t);
    t.clock.advance(STEP_MS);
    const code = await totpCodeAt(user.secret, t.clock.now());
    const [a, b] = [await challenge(t, user.email), await challenge(t, user.email)];
    const statuses = (await Promise.all([verify(a, code), verify(b, code)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401]);
  });

  test("a recovery code works exactly once, however it is typed", async () => {
    const user = await totpUser(t);
    const [first] = user.recoveryCodes as [string];
    const used = await verify(await challenge(t, user.email), first);
    expect(used.status).toBe(200);
    expect(used.body.data.accessToken).toBeString();
    for (const variant of [first, first.toLowerCase(), first.replace("-", " ")]) {
      const again = await verify(await challenge(t, user.email), variant);
      expect(again.status).toBe(401);
      expect(again.body.error.code).toBe("INVALID_TOTP");
    }
  });

  test("a login challenge dies after 5 wrong codes, even for the right one", async () => {
    const user = await totpUser(t);
    t.clock.advance(STEP_MS);
    const challengeToken = await challenge(t, user.email);
    const wrong = await wrongCode(user.secret, t.clock.now());
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await verify(challengeToken, wrong);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe("INVALID_TOTP");
    }
    const right = await verify(challengeToken, await totpCodeAt(user.secret, t.clock.now()));
    expect(right.status).toBe(401);
    expect(right.body.error.code).toBe("UNAUTHORIZED");
    // A new challenge with the same, still unused, code goes through.
    expect((await verify(await challenge(t, user.email), await totpCodeAt(user.secret, t.clock.now()))).status).toBe(200);
  });

  test("50 concurrent wrong codes on one challenge: exactly 5 are evaluated, the rest refused, and the right code after them too", async () => {
    const user = await totpUser(t);
    t.clock.advance(STEP_MS);
    const challengeToken = await challenge(t, user.email);
    const wrong = await wrongCode(user.secret, t.clock.now());
    const answers = await Promise.all(Array.from({ length: 50 }, () => verify(challengeToken, wrong)));
    const codes = answers.map((answer) => `${answer.status} ${answer.body.error?.code}`);
    expect(codes.filter((code) => code === "401 INVALID_TOTP")).toHaveLength(5);
    expect(codes.filter((code) => code === "401 UNAUTHORIZED")).toHaveLength(45);
    const right = await verify(challengeToken, await totpCodeAt(user.secret, t.clock.now()));
    expect([right.status, right.body.error?.code]).toEqual([401, "UNAUTHORIZED"]);
  });

  test("a challenge is single-use and expires after 5 minutes", async () => {
    const user = await totpUser(t);
    t.clock.advance(STEP_MS);
    const challengeToken = await challenge(t, user.email);
    expect((await verify(challengeToken, await totpCodeAt(user.secret, t.clock.now()))).status).toBe(200);
    t.clock.advance(STEP_MS);
    const reused = await verify(challengeToken, await totpCodeAt(user.secret, t.clock.now()));
    expect(reused.status).toBe(401);
    expect(reused.body.error.code).toBe("UNAUTHORIZED");

    const stale = await challenge(t, user.email);
    t.clock.advance(5 * 60_000 + 1);
    const late = await verify(stale, await totpCodeAt(user.secret, t.clock.now()));
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe("UNAUTHORIZED");
  });

  test("a code outside the ±1 step window is refused", async () => {
    const user = await totpUser(t);
    t.clock.advance(10 * STEP_MS);
    const old = await totpCodeAt(user.secret, t.clock.now() - 2 * STEP_MS);
    const response = await verify(await challenge(t, user.email), old);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("INVALID_TOTP");
  });

  test("a password-only login never yields tokens once TOTP is on", async () => {
    const user = await totpUser(t);
    const response = await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
    expect(response.body.data).toEqual({ twoFactorRequired: true, challengeToken: expect.any(String), expiresIn: 300 });
  });
});
