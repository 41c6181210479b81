import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Elysia } from "elysia";
import { createGeckoguard, type Geckoguard } from "./create-geckoguard.ts";

const dir = mkdtempSync(join(tmpdir(), "gg-embedded-"));
const runtimes: Geckoguard[] = [];
afterAll(async () => {
  for (const runtime of runtimes) await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The plugin inside a host app, built by createGeckoguard with nothing but the required
 * options and a prefix (and quiet logs): the default limits and in-process state apply.
 */
async function hostApp(trustedProxyHops?: number) {
  const runtime = await createGeckoguard({
    databaseUrl: `file:${join(dir, `gg-${runtimes.length}.db`)}`,
    jwtSecret: "an embedding host's secret of 32+ characters",
    publicUrl: "http://localhost",
    prefix: "/licensing",
    trustedProxyHops,
    logLevel: "silent",
  });
  runtimes.push(runtime);
  return new Elysia().get("/", () => "host").use(runtime.plugin);
}

type HostApp = Awaited<ReturnType<typeof hostApp>>;

const me = (app: HostApp, forwardedFor: string) =>
  app.handle(new Request("http://localhost/licensing/v1/dashboard/me", { headers: { authorization: "Bearer x", "x-forwarded-for": forwardedFor } }));

describe("createGeckoguard embedded with its defaults", () => {
  test("the default per-IP limit (120/min) applies, and X-Forwarded-For is ignored without a trusted proxy", async () => {
    const app = await hostApp();
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
    const app = await hostApp(1);
    for (let i = 0; i < 120; i++) await me(app, "203.0.113.1");
    expect((await me(app, "203.0.113.1")).status).toBe(429);
    expect((await me(app, "203.0.113.2")).status).toBe(401);
  });

  test("the host's own routes are left alone", async () => {
    const app = await hostApp();
    const answer = await app.handle(new Request("http://localhost/", { headers: { "idempotency-key": "k".repeat(300) } }));
    expect([answer.status, await answer.text(), answer.headers.get("ratelimit-limit")]).toEqual([200, "host", null]);
  });
});
