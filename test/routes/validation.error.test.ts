import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD } from "../support/accounts.ts";
import { expectValidationError, snapshot } from "../support/validation.ts";

/** Bad account bodies are 400 VALIDATION_ERROR with details and change nothing. */
describe("account request validation", () => {
  let t: TestApp;
  let before: Record<string, number>;
  beforeAll(async () => {
    t = await openTestApp();
    // One real account, so "nothing changed" is measured against a non-empty database.
    await t.api("POST", "/v1/auth/register", { body: { email: "existing@example.com", password: PASSWORD } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    before = await snapshot(t);
  });

  async function expectUnchanged() {
    expect(await snapshot(t)).toEqual(before);
  }

  test("wrong types", async () => {
    const response = await t.api("POST", "/v1/auth/register", { body: { email: 42, password: ["x"], name: false } });
    expectValidationError(response, "/email");
    expectValidationError(response, "/password");
    await expectUnchanged();
  });

  test("a password shorter than 10 characters", async () => {
    expectValidationError(await t.api("POST", "/v1/auth/register", { body: { email: "a@example.com", password: "123456789" } }), "/password");
    await expectUnchanged();
  });

  test("an email over 254 characters", async () => {
    const email = `${"a".repeat(64)}@${"b".repeat(186)}.com`;
    expect(email.length).toBe(255);
    expectValidationError(await t.api("POST", "/v1/auth/register", { body: { email, password: PASSWORD } }), "/email");
    expectValidationError(await t.api("POST", "/v1/auth/forgot-password", { body: { email } }), "/email");
    await expectUnchanged();
  });

  test("a name over 200 characters", async () => {
    const body = { email: "named@example.com", password: PASSWORD, name: "n".repeat(201) };
    expectValidationError(await t.api("POST", "/v1/auth/register", { body }), "/name");
    await expectUnchanged();
  });

  test("something that is not an email", async () => {
    expectValidationError(await t.api("POST", "/v1/auth/register", { body: { email: "not-an-email", password: PASSWORD } }), "/email");
    await expectUnchanged();
  });

  test("malformed JSON", async () => {
    for (const rawBody of ['{"email":', "{email: 'a'}", "undefined", '{"a":1}}']) {
      const response = await t.api("POST", "/v1/auth/register", { rawBody });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ ok: false, error: { code: "VALIDATION_ERROR", message: expect.any(String) } });
    }
    await expectUnchanged();
  });

  test("an empty body, and JSON that is not an object", async () => {
    for (const rawBody of ["", "null", "[]", '"text"', "12"]) {
      expectValidationError(await t.api("POST", "/v1/auth/register", { rawBody }));
    }
    expectValidationError(await t.api("POST", "/v1/auth/login"), "/email");
    await expectUnchanged();
  });

  test("JSON that is not an object is refused where every field is optional too", async () => {
    const login = await t.api("POST", "/v1/auth/login", { body: { email: "existing@example.com", password: PASSWORD } });
    const token = login.body.data.accessToken as string;
    before = await snapshot(t);
    for (const rawBody of ["[]", "[1]", "null", "3"]) {
      // PATCH /v1/dashboard/me takes only optional fields: an array used to pass as an empty change.
      expectValidationError(await t.api("PATCH", "/v1/dashboard/me", { token, rawBody }));
    }
    await expectUnchanged();
  });

  test("tokens of the wrong shape on refresh, logout, reset and verify", async () => {
    expectValidationError(await t.api("POST", "/v1/auth/refresh", { body: { refreshToken: 123 } }), "/refreshToken");
    expectValidationError(await t.api("POST", "/v1/auth/logout", { body: {} }), "/refreshToken");
    expectValidationError(await t.api("POST", "/v1/auth/reset-password", { body: { token: "x".repeat(600), password: PASSWORD } }), "/token");
    expectValidationError(await t.api("POST", "/v1/auth/verify-email", { body: { token: null } }), "/token");
    expectValidationError(await t.api("POST", "/v1/auth/totp/verify-login", { body: { challengeToken: "gg_ch_xxxxxxxxxx", code: 123456 } }), "/code");
    await expectUnchanged();
  });

  test("any content type is read as JSON", async () => {
    for (const contentType of ["text/plain", "application/octet-stream", "multipart/form-data; boundary=x", "application/xml"]) {
      const response = await t.api("POST", "/v1/auth/login", {
        rawBody: JSON.stringify({ email: "existing@example.com", password: "wrong password" }),
        headers: { "content-type": contentType },
      });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe("INVALID_CREDENTIALS");
    }
  });

  test("a form body is read as JSON too, and refused as malformed", async () => {
    const response = await t.api("POST", "/v1/auth/login", {
      rawBody: "email=a@example.com&password=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("VALIDATION_ERROR");
    await expectUnchanged();
  });
});
