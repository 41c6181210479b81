import { describe, expect, test } from "bun:test";
import { Elysia } from "elysia";
import { inProcessNonceStore, systemClock, type AuthorizeStore, type Store } from "@geckoguard/core";
import { argon2idHasher, jwtAccessTokens } from "@geckoguard/drivers";
import { geckoguard } from "./plugin.ts";

/**
 * The plugin inside a host app, with no rate limiter or idempotency store given: the
 * in-process defaults apply. Only routes that fail before a store is reached are called,
 * so the stores are empty stand-ins.
 */
function hostApp(trustedProxyHops?: number) {
  const context = {
    store: {} as Store,
    clock: systemClock,
    passwords: argon2idHasher(),
    accessTokens: jwtAccessTokens(new Uint8Array(32)),
    publicUrl: "http://localhost",
  };
  const authorize = { store: {} as AuthorizeStore, nonces: inProcessNonceStore() };
  return new Elysia().get("/", () => "host").use(geckoguard({ context, authorize, prefix: "/licensing", trustedProxyHops }));
}

const me = (app: ReturnType<typeof hostApp>, forwardedFor: string) =>
  app.handle(new Request("http://localhost/licensing/v1/dashboard/me", { headers: { authorization: "Bearer x", "x-forwarded-for": forwardedFor } }));

describe("geckoguard embedded with its defaults", () => {
  test("the default per-IP limit (120/min) applies, and X-Forwarded-For is ignored without a trusted proxy", async () => {
    const app = hostApp();
    const answers: Response[] = [];
    for (let i = 0; i < 130; i++) answers.push(await me(app, `203.0.113.${i}`));
    // The bucket refills one request per 500 ms, so a slow run may squeeze in a few more.
    expect(answers.slice(0, 120).every((r) => r.status === 401)).toBe(true);
    const refused = answers.find((r) => r.status === 429)!;
    expect(refused).toBeDefined();
    expect(await refused.json()).toEqual({ ok: false, error: { code: "RATE_LIMITED", message: expect.any(String) } });
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("ratelimit-limit")).toBe("120");
  });

  test("behind a trusted proxy, each forwarded client has its own bucket", async () => {
    const app = hostApp(1);
    for (let i = 0; i < 120; i++) await me(app, "203.0.113.1");
    expect((await me(app, "203.0.113.1")).status).toBe(429);
    expect((await me(app, "203.0.113.2")).status).toBe(401);
  });

  test("the host's own routes are left alone", async () => {
    const app = hostApp();
    const answer = await app.handle(new Request("http://localhost/", { headers: { "idempotency-key": "k".repeat(300) } }));
    expect([answer.status, await answer.text(), answer.headers.get("ratelimit-limit")]).toEqual([200, "host", null]);
  });
});
