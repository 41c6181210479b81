import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api, type ApiResponse } from "./support/http-client.ts";
import { PASSWORD, signUp, uniqueEmail } from "./support/accounts.ts";

/**
 * One server behind a (pretend) trusted proxy: each test speaks from its own
 * X-Forwarded-For address, so its buckets are its own.
 */
describe("rate limits (docs/authentication.md#rate-limits)", () => {
  let server: RunningServer;
  let api: Api;
  beforeAll(async () => {
    server = await startServer({
      env: {
        GG_TRUST_PROXY: "true",
        GG_RATE_LIMIT_IP_PER_MIN: "6",
        GG_RATE_LIMIT_AUTH_IP_PER_MIN: "4",
        GG_RATE_LIMIT_AUTH_ACCOUNT_PER_MIN: "2",
      },
    });
    api = apiClient(server.baseUrl);
  });
  afterAll(() => server.stop());

  const from = (ip: string) => ({ "x-forwarded-for": ip });
  const rateLimitHeaders = (r: ApiResponse) => ({
    limit: r.headers.get("ratelimit-limit"),
    remaining: r.headers.get("ratelimit-remaining"),
    reset: r.headers.get("ratelimit-reset"),
    retryAfter: r.headers.get("retry-after"),
  });

  test("JWT routes: successes carry RateLimit-*, the call over the per-IP limit is 429 RATE_LIMITED with Retry-After", async () => {
    const ip = "198.51.100.1";
    const email = uniqueEmail("jwt");
    expect((await api("POST", "/v1/auth/register", { headers: from(ip), body: { email, password: PASSWORD } })).status).toBe(201);
    const login = await api("POST", "/v1/auth/login", { headers: from(ip), body: { email, password: PASSWORD } });
    const token = login.body.data.accessToken as string;
    const answers: ApiResponse[] = [];
    for (let i = 0; i < 5; i++) answers.push(await api("GET", "/v1/dashboard/me", { token, headers: from(ip) }));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 429]);
    // One request refills every 10 s; the seconds below allow for a slow machine between calls.
    expect(rateLimitHeaders(answers[0]!)).toMatchObject({ limit: "6", remaining: "3", retryAfter: null });
    expect(Number(answers[0]!.headers.get("ratelimit-reset"))).toBeWithin(25, 31);
    expect(rateLimitHeaders(answers[3]!)).toMatchObject({ limit: "6", remaining: "0" });
    const refused = answers[4]!;
    expect(refused.body).toEqual({ ok: false, error: { code: "RATE_LIMITED", message: expect.any(String) } });
    expect(rateLimitHeaders(refused)).toMatchObject({ limit: "6", remaining: "0" });
    expect(Number(refused.headers.get("retry-after"))).toBeWithin(5, 11);
    expect(Number(refused.headers.get("ratelimit-reset"))).toBeWithin(55, 61);
  });

  test("the per-IP bucket is counted before authentication: bad tokens use it up too", async () => {
    const ip = "198.51.100.2";
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await api("GET", "/v1/dashboard/orgs", { token: "not-a-jwt", headers: from(ip) })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  test("login: the per-account bucket refuses a third attempt from any IP, before the password is checked", async () => {
    const email = uniqueEmail("guessed");
    await api("POST", "/v1/auth/register", { headers: from("198.51.100.3"), body: { email, password: PASSWORD } });
    const tries: ApiResponse[] = [];
    for (const ip of ["198.51.100.4", "198.51.100.5", "198.51.100.6"]) {
      tries.push(await api("POST", "/v1/auth/login", { headers: from(ip), body: { email: email.toUpperCase(), password: "wrong password" } }));
    }
    expect(tries.map((r) => r.status)).toEqual([401, 429, 429]);
    // Register was the account's first attempt; the tightest bucket (the account's) is what the headers show.
    expect(rateLimitHeaders(tries[0]!)).toMatchObject({ limit: "2", remaining: "0" });
    expect(tries[1]!.body.error.code).toBe("RATE_LIMITED");
    const right = await api("POST", "/v1/auth/login", { headers: from("198.51.100.7"), body: { email, password: PASSWORD } });
    expect(right.status).toBe(429);
  });

  test("forgot-password: the per-IP auth bucket refuses the fifth address from one IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await api("POST", "/v1/auth/forgot-password", { headers: from("198.51.100.8"), body: { email: uniqueEmail("forgot") } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  test("only the entry the trusted proxy appended counts: addresses the client put to its left do not", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await api("GET", "/v1/dashboard/me", { token: "x", headers: from(`10.9.9.${i}, 198.51.100.9`) })).status);
    }
    expect(statuses.at(-1)).toBe(429);
    expect((await api("GET", "/v1/dashboard/me", { token: "x", headers: from("198.51.100.10") })).status).toBe(401);
  });
});

describe("per-product limits", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  test("a product keeps its own API-key and authorize limits in its policy; nonsense is refused", async () => {
    const api = apiClient(server.baseUrl);
    const { token } = await signUp(api);
    const org = (await api("POST", "/v1/dashboard/orgs", { token, body: { name: "Limits" } })).body.data.org;
    const rateLimits = { productPerMin: 500_000, licensePerMin: 5 };
    const created = await api("POST", "/v1/dashboard/products", { token, body: { orgId: org.id, name: "Busy", policy: { rateLimits } } });
    expect(created.status).toBe(201);
    expect(created.body.data.product.policy.rateLimits).toEqual(rateLimits);
    const fetched = await api("GET", `/v1/dashboard/products/${created.body.data.product.id}`, { token });
    expect(fetched.body.data.product.policy.rateLimits).toEqual(rateLimits);
    const refused = await api("POST", "/v1/dashboard/products", { token, body: { orgId: org.id, name: "Bad", policy: { rateLimits: { keyPerMin: 0 } } } });
    expect(refused.status).toBe(400);
  });
});
