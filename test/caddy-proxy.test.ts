import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { startCaddy, type RunningCaddy } from "./support/caddy-process.ts";

/**
 * docker/Caddyfile in front of the real server, as docker/compose.proxy.yaml wires them
 * (GG_TRUST_PROXY=1), on loopback ports with Caddy's local CA. Needs the `caddy` binary
 * (Debian's `caddy` package; .ci/run installs it).
 */
const hasCaddy = Bun.which("caddy") !== null;
if (!hasCaddy) console.warn("caddy-proxy: no `caddy` on PATH (apt-get install caddy), so the TLS proxy test is skipped");

describe.skipIf(!hasCaddy)("docker/Caddyfile: TLS in front of GeckoGuard with GG_TRUST_PROXY=1", () => {
  let server: RunningServer;
  let caddy: RunningCaddy;
  beforeAll(async () => {
    server = await startServer({ env: { GG_TRUST_PROXY: "1", GG_RATE_LIMIT_IP_PER_MIN: "6" } });
    caddy = await startCaddy(join(import.meta.dir, "../docker/Caddyfile"), {
      CADDY_SITE: "127.0.0.1",
      CADDY_TLS: "internal",
      CADDY_UPSTREAM: `127.0.0.1:${server.port}`,
    });
  }, 30_000);
  afterAll(async () => {
    await caddy?.stop();
    await server?.stop();
  });

  const unauthenticated = (baseUrl: string, forwardedFor: string) =>
    fetch(`${baseUrl}/v1/dashboard/orgs`, { headers: { authorization: "Bearer not-a-jwt", "x-forwarded-for": forwardedFor }, tls: { ca: caddy.rootCa } });

  test("answers over TLS with a certificate of Caddy's CA; plain HTTP is redirected to HTTPS", async () => {
    const health = await fetch(`${caddy.httpsUrl}/health`, { tls: { ca: caddy.rootCa } });
    expect(await health.json()).toEqual({ ok: true, data: { status: "ok" } });
    const plain = await fetch(`${caddy.httpUrl}/health`, { redirect: "manual" });
    expect(plain.status).toBe(308);
    expect(plain.headers.get("location")).toStartWith("https://");
  });

  test("an X-Forwarded-For forged by the client changes nothing: every request counts for its real IP", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 7; i++) statuses.push((await unauthenticated(caddy.httpsUrl, `203.0.113.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  test("(control) the server does read X-Forwarded-For: straight to it, each forged address gets its own bucket", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 7; i++) statuses.push((await unauthenticated(server.baseUrl, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401]);
  });
});
