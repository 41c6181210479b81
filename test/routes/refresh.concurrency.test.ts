import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD, signUp } from "../support/accounts.ts";

/** docs/authentication.md#access-and-refresh-tokens: single-use rotation, and a reuse revokes the whole family. */
describe("refresh token rotation under concurrency", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  const refresh = (refreshToken: string) => t.api("POST", "/v1/auth/refresh", { body: { refreshToken } });

  test("10 concurrent refreshes of one token: exactly one 200, the rest REFRESH_TOKEN_REUSED", async () => {
    const user = await signUp(t.api);
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(user.refreshToken)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const loser of results.filter((r) => r.status !== 200)) {
      expect(loser.status).toBe(401);
      expect(loser.body.error.code).toBe("REFRESH_TOKEN_REUSED");
    }
  });

  test("the race counts as reuse: the whole family dies, the winner's new token included", async () => {
    const user = await signUp(t.api);
    const otherLogin = await t.api("POST", "/v1/auth/login", { body: { email: user.email, password: PASSWORD } });
    const results = await Promise.all(Array.from({ length: 10 }, () => refresh(user.refreshToken)));
    const winner = results.find((r) => r.status === 200)!;
    const afterwards = await refresh(winner.body.data.refreshToken);
    expect(afterwards.status).toBe(401);
    // Another login of the same user is another family and lives on.
    expect((await refresh(otherLogin.body.data.refreshToken)).status).toBe(200);
  });

  test("sequential reuse: the old token is refused and kills the new one", async () => {
    const user = await signUp(t.api);
    const first = await refresh(user.refreshToken);
    expect(first.status).toBe(200);
    const second = await refresh(first.body.data.refreshToken);
    expect(second.status).toBe(200);
    const reuse = await refresh(user.refreshToken);
    expect(reuse.body.error.code).toBe("REFRESH_TOKEN_REUSED");
    expect((await refresh(second.body.data.refreshToken)).status).toBe(401);
    // A second replay still reads as reuse, not as a plain revoked token.
    expect((await refresh(first.body.data.refreshToken)).body.error.code).toBe("REFRESH_TOKEN_REUSED");
  });
});
