import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";

/** With the database gone, liveness stays up, status says so, and requests fail cleanly. */
describe("status with an unreachable database", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
    expect((await t.api("GET", "/v1/status")).body.data.database).toEqual({ reachable: true });
    t.database.close();
  });
  afterAll(() => t.close());

  test("GET /health needs no database", async () => {
    expect(await t.api("GET", "/health")).toMatchObject({ status: 200, body: { ok: true, data: { status: "ok" } } });
  });

  test("GET /v1/status reports the database unreachable", async () => {
    const response = await t.api("GET", "/v1/status");
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ status: "degraded", version: "test", database: { reachable: false } });
    expect(response.body.data.uptimeSeconds).toBeNumber();
  });

  test("a request that needs the database is a generic 500", async () => {
    const response = await t.api("POST", "/v1/auth/login", { body: { email: "a@example.com", password: "whatever it is" } });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ ok: false, error: { code: "INTERNAL_ERROR", message: "Internal server error" } });
  });
});
