import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Elysia } from "elysia";
import { silentLogger } from "@geckoguard/core";
import { HttpMetrics, mapError } from "@geckoguard/elysia";
import { metricsRoutes } from "../../packages/elysia/src/routes/metrics.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { authorizeFixture, signedHeaders } from "../support/signed-authorize.ts";
import { PASSWORD } from "../support/accounts.ts";

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let app: TestApp;
beforeAll(async () => {
  // One proxy hop trusted, so a scrape can say it comes from loopback (/metrics needs that without a token).
  app = await openTestApp({ trustedProxyHops: 1 });
});
afterAll(() => app.close());

/** The request lines are written once the answer is out: after this turn of the event loop. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

async function authorize(apiKey: string, body: object, tamper: (headers: Record<string, string>) => void = () => {}) {
  const raw = JSON.stringify(body);
  const headers = signedHeaders(apiKey, raw);
  tamper(headers);
  return app.handle(new Request("http://localhost/v1/licenses/authorize", { method: "POST", headers, body: raw }));
}

describe("request ids, log lines and metrics", () => {
  test("X-Request-Id: a sane one is echoed, anything else is replaced by a UUIDv7, on every kind of answer", async () => {
    const get = (path: string, id?: string) => app.handle(new Request(`http://localhost${path}`, id === undefined ? {} : { headers: { "x-request-id": id } }));
    expect((await get("/health", "trace-42.a_b")).headers.get("x-request-id")).toBe("trace-42.a_b");
    expect((await get("/health")).headers.get("x-request-id")).toMatch(UUIDV7);
    expect((await get("/health", "x".repeat(129))).headers.get("x-request-id")).toMatch(UUIDV7);
    expect((await get("/health", "not ok")).headers.get("x-request-id")).toMatch(UUIDV7);
    expect((await get("/no/such/route", "nf-1")).headers.get("x-request-id")).toBe("nf-1");
    expect((await get("/v1/dashboard/me", "unauth-1")).headers.get("x-request-id")).toBe("unauth-1");
    const signedAnswer = await authorize("gg_nokey", { licenseKey: "x" }, (h) => void (h["x-request-id"] = "authz-1"));
    expect(signedAnswer.headers.get("x-request-id")).toBe("authz-1");
  });

  test("one line per request with route pattern, status, duration and id, and never a secret", async () => {
    const f = await authorizeFixture(app.api, {}, 1);
    const license = f.licenses[0]!;
    const login = await app.api("POST", "/v1/auth/login", { body: { email: f.owner.email, password: PASSWORD } });
    const token = login.body.data.accessToken as string;
    await settled();
    app.logs.length = 0;
    await app.api("GET", `/v1/dashboard/licenses/${license.id}`, { token, headers: { "x-request-id": "get-license-1" } });
    expect((await authorize(f.apiKey, { licenseKey: license.key, hwid: "hw-1" })).status).toBe(200);
    await settled();
    const lines = app.logs.filter((line) => line.event === "http.request");
    expect(lines).toHaveLength(2);
    expect(lines[0]!.fields).toEqual({ method: "GET", route: "/v1/dashboard/licenses/:id", status: 200, durationMs: expect.any(Number), requestId: "get-license-1" });
    expect(lines[1]!.fields).toMatchObject({ method: "POST", route: "/v1/licenses/authorize", status: 200, requestId: expect.stringMatching(UUIDV7) });
    expect(lines[1]!.fields.durationMs as number).toBeGreaterThanOrEqual(0);
    const everything = JSON.stringify(app.logs);
    for (const secret of [token, f.apiKey, license.key, PASSWORD, login.body.data.refreshToken]) expect(everything).not.toContain(secret);
    expect(everything).not.toContain(license.id); // the pattern, not the raw path
  });

  test("/metrics: Prometheus text with route patterns, statuses, histograms and authorize outcomes", async () => {
    const f = await authorizeFixture(app.api, { maxHwids: 1 }, 1);
    const key = f.licenses[0]!.key;
    await authorize(f.apiKey, { licenseKey: key, hwid: "a" });
    await authorize(f.apiKey, { licenseKey: key, hwid: "b" });
    await authorize(f.apiKey, { licenseKey: "GG-NOPE0-NOPE0-NOPE0-NOPE0-NOPE0", hwid: "a" });
    await authorize(f.apiKey, { licenseKey: key, hwid: "a" }, (h) => void (h["x-gg-signature"] = "0".repeat(64)));
    await app.handle(new Request("http://localhost/v1/dashboard/licenses/01900000-0000-7000-8000-000000000000"));
    await settled();
    const response = await app.handle(new Request("http://localhost/metrics", { headers: { "x-forwarded-for": "127.0.0.1" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    const value = (prefix: string) => Number(text.split("\n").find((line) => line.startsWith(`${prefix} `))?.slice(prefix.length + 1));
    expect(value('geckoguard_authorize_outcomes_total{code="VALID"}')).toBeGreaterThanOrEqual(1);
    expect(value('geckoguard_authorize_outcomes_total{code="HWID_MISMATCH"}')).toBe(1);
    expect(value('geckoguard_authorize_outcomes_total{code="LICENSE_NOT_FOUND"}')).toBe(1);
    expect(value('geckoguard_authorize_outcomes_total{code="INVALID_SIGNATURE"}')).toBe(1);
    expect(value('geckoguard_http_requests_total{method="POST",route="/v1/licenses/authorize",status="403"}')).toBe(1);
    expect(value('geckoguard_http_requests_total{method="GET",route="/v1/dashboard/licenses/:id",status="401"}')).toBe(1);
    const labels = 'method="POST",route="/v1/licenses/authorize"';
    expect(value(`geckoguard_http_request_duration_seconds_bucket{${labels},le="+Inf"}`)).toBe(value(`geckoguard_http_request_duration_seconds_count{${labels}}`));
    expect(text).not.toContain("01900000-0000-7000-8000-000000000000");
    expect(text).not.toContain(key);
  });

  test("a metrics token is required when configured, as the usual 401 envelope", async () => {
    const guarded = new Elysia()
      .onError(({ code, error, set }) => mapError(code, error, set, silentLogger))
      .use(metricsRoutes(new HttpMetrics(), { token: "scrape-token-0123456789" }));
    const scrape = (authorization?: string) =>
      guarded.handle(new Request("http://localhost/metrics", authorization === undefined ? {} : { headers: { authorization } }));
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    expect((await scrape("Bearer wrong-token-0123456789")).status).toBe(401);
    expect((await scrape("Bearer scrape-token-0123456789")).status).toBe(200);
  });
});
