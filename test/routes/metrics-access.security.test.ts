import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { startServer, type RunningServer } from "../support/server-process.ts";

/**
 * Who may read GET /metrics (docs/observability.md#get-metrics). Route tests have no
 * socket: a client IP is given through one trusted proxy hop and X-Forwarded-For, which
 * is how the plugin sees callers behind a proxy; the last test uses a real socket.
 */
const scrape = (app: TestApp, headers: Record<string, string> = {}) => app.handle(new Request("http://localhost/metrics", { headers }));

async function expectRefused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body).toMatchObject({ ok: false, error: { code } });
  return body.error.message as string;
}

describe("/metrics without a token: loopback callers only", () => {
  let app: TestApp;
  let direct: TestApp;
  beforeAll(async () => {
    app = await openTestApp({ trustedProxyHops: 1 });
    direct = await openTestApp();
  });
  afterAll(async () => {
    await app.close();
    await direct.close();
  });

  test("a loopback client (IPv4, IPv6, IPv4-mapped) is answered", async () => {
    for (const ip of ["127.0.0.1", "127.3.2.1", "::1", "::ffff:127.0.0.1"]) {
      const response = await scrape(app, { "x-forwarded-for": ip });
      expect([ip, response.status]).toEqual([ip, 200]);
      expect(await response.text()).toContain("geckoguard_http_requests_total");
    }
  });

  test("any other client is refused with 403 FORBIDDEN naming the way in, and sees no metric", async () => {
    for (const ip of ["203.0.113.9", "10.0.0.7", "192.168.1.2", "2001:db8::1", "0.0.0.0"]) {
      const message = await expectRefused(await scrape(app, { "x-forwarded-for": ip }), 403, "FORBIDDEN");
      expect(message).toContain("GG_METRICS_TOKEN");
    }
  });

  test("a loopback entry the client wrote left of what the proxy saw does not count", async () => {
    await expectRefused(await scrape(app, { "x-forwarded-for": "127.0.0.1, 203.0.113.9" }), 403, "FORBIDDEN");
  });

  test("without trusted proxies X-Forwarded-For is ignored, and an unknown caller is refused", async () => {
    await expectRefused(await scrape(direct, { "x-forwarded-for": "127.0.0.1" }), 403, "FORBIDDEN");
    await expectRefused(await scrape(direct), 403, "FORBIDDEN");
  });
});

describe("/metrics with a token: a bearer token from any address", () => {
  let app: TestApp;
  const token = "scrape-token-0123456789";
  beforeAll(async () => {
    app = await openTestApp({ trustedProxyHops: 1, metrics: { token } });
  });
  afterAll(() => app.close());

  test("a remote scraper with the token is answered; without it, even loopback gets 401", async () => {
    expect((await scrape(app, { "x-forwarded-for": "203.0.113.9", authorization: `Bearer ${token}` })).status).toBe(200);
    await expectRefused(await scrape(app, { "x-forwarded-for": "203.0.113.9" }), 401, "UNAUTHORIZED");
    await expectRefused(await scrape(app, { "x-forwarded-for": "127.0.0.1" }), 401, "UNAUTHORIZED");
    await expectRefused(await scrape(app, { "x-forwarded-for": "127.0.0.1", authorization: `Bearer ${token}x` }), 401, "UNAUTHORIZED");
  });
});

describe("/metrics on the real server", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ env: { GG_TRUST_PROXY: "1" } });
  });
  afterAll(() => server.stop());

  test("the test's own loopback socket is answered; a proxied remote client is refused", async () => {
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/metrics`, { headers: { "x-forwarded-for": "127.0.0.1" } })).status).toBe(200);
    await expectRefused(await fetch(`${server.baseUrl}/metrics`, { headers: { "x-forwarded-for": "198.51.100.7" } }), 403, "FORBIDDEN");
  });
});
