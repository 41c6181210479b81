import { afterAll, beforeAll, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

const EXPECTED = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY" };
const securityHeadersOf = (response: Response) => Object.fromEntries(Object.keys(EXPECTED).map((name) => [name, response.headers.get(name)]));

test.each([
  ["a 404 (no such route)", "GET", "/no/such/route", undefined, 404],
  ["a 401 (no credential)", "GET", "/v1/dashboard/me", undefined, 401],
  ["a 400 (invalid body)", "POST", "/v1/auth/login", "{not json", 400],
  ["a 200", "GET", "/health", undefined, 200],
  ["an authorize answer (its own Response)", "POST", "/v1/licenses/authorize", "{}", 401],
  ["the docs page", "GET", "/docs", undefined, 200],
] as const)("%s carries the security headers", async (_label, method, path, body, status) => {
  const response = await app.handle(new Request(`http://localhost${path}`, { method, body, headers: body === undefined ? {} : { "content-type": "application/json" } }));
  expect(response.status).toBe(status);
  expect(securityHeadersOf(response)).toEqual(EXPECTED);
});
