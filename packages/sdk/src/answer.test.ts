import { describe, expect, test } from "bun:test";
import { interpretAnswer, parseRetryAfter, type RawAnswer } from "./answer.ts";
import { failureKind } from "./errors.ts";

const NOW = Date.parse("2026-11-27T10:00:00.000Z");
const request = { licenseKey: "GG-1", hwid: "h1" };
const license = { id: "L1", status: "active", expiresAt: null, maxHwids: 2 };
const session = { id: "S1", expiresAt: "2026-11-27T10:05:00.000Z" };
const signed = (status: number, payload: unknown, extra: Partial<RawAnswer> = {}): RawAnswer => ({
  status,
  body: typeof payload === "string" ? payload : JSON.stringify(payload),
  signatureHeader: "sig",
  signatureValid: true,
  retryAfter: null,
  ...extra,
});
const denial = (status: number, code: string) => ({ ok: false, error: { message: `no: ${code}`, code } });

describe("interpretAnswer", () => {
  test("a signed success gives license, session and a handle for heartbeat", () => {
    const result = interpretAnswer(signed(200, { ok: true, data: { valid: true, license, session } }), request, NOW);
    expect(result).toEqual({
      ok: true,
      valid: true,
      license,
      session,
      handle: { licenseKey: "GG-1", hwid: "h1", sessionId: "S1" },
    });
  });

  test("a signed success without the promised shape is INVALID_RESPONSE, never ok", () => {
    const bodies = [
      { ok: true, data: { valid: true, license } },
      { ok: true, data: { valid: false, license, session } },
      { ok: true, data: { valid: true, license: { id: "L1" }, session } },
      { ok: true, data: { valid: true, license, session: { id: 7, expiresAt: "x" } } },
      { ok: false, data: { valid: true, license, session } },
      [1, 2],
      "not json",
    ];
    for (const body of bodies) {
      const result = interpretAnswer(signed(200, body), request, NOW);
      expect(result.ok).toBe(false);
      expect(result.ok ? null : result.code).toBe("INVALID_RESPONSE");
    }
  });

  test("a signed denial surfaces the server's code, message and status", () => {
    const result = interpretAnswer(signed(403, denial(403, "LICENSE_FROZEN")), request, NOW);
    expect(result).toEqual({
      ok: false,
      code: "LICENSE_FROZEN",
      kind: "denied",
      message: "no: LICENSE_FROZEN",
      status: 403,
      retryAfterSeconds: null,
      claimedCode: null,
    });
  });

  test("a 429 carries Retry-After as retryAfterSeconds", () => {
    const result = interpretAnswer(signed(429, denial(429, "RATE_LIMITED"), { retryAfter: "42" }), request, NOW);
    expect(result).toMatchObject({ ok: false, code: "RATE_LIMITED", kind: "retry", retryAfterSeconds: 42 });
  });

  test("a badly signed answer, or a success without a signature, is RESPONSE_SIGNATURE_INVALID whatever it claims", () => {
    const success = signed(200, { ok: true, data: { valid: true, license, session } }, { signatureValid: false });
    expect(interpretAnswer(success, request, NOW)).toMatchObject({ ok: false, code: "RESPONSE_SIGNATURE_INVALID", kind: "untrusted" });
    const badlySigned = signed(401, denial(401, "UNAUTHORIZED"), { signatureValid: false });
    expect(interpretAnswer(badlySigned, request, NOW)).toMatchObject({ code: "RESPONSE_SIGNATURE_INVALID", kind: "untrusted", claimedCode: "UNAUTHORIZED" });
    const unsignedSuccess = signed(200, { ok: true, data: { valid: true, license, session } }, { signatureHeader: null, signatureValid: false });
    const result = interpretAnswer(unsignedSuccess, request, NOW);
    expect(result).toMatchObject({ code: "RESPONSE_SIGNATURE_INVALID", kind: "untrusted", status: 200 });
    expect(result.ok ? "" : result.message).toContain("no X-GG-Response-Signature");
  });

  test("unsigned errors: the unknown-key 401 is rejected naming the key, 429/5xx retry, other 4xx rejected; none is untrusted", () => {
    const unsigned = (status: number, body: unknown) => interpretAnswer(signed(status, body, { signatureHeader: null, signatureValid: false }), request, NOW);
    const unknownKey = unsigned(401, denial(401, "UNAUTHORIZED"));
    expect(unknownKey).toMatchObject({ ok: false, code: "UNAUTHORIZED", kind: "rejected", status: 401, claimedCode: "UNAUTHORIZED" });
    expect(unknownKey.ok ? "" : unknownKey.message).toContain("API key");
    expect(unsigned(502, "<html>Bad Gateway</html>")).toMatchObject({ code: "UNSIGNED_SERVER_ERROR", kind: "retry", status: 502, claimedCode: null });
    expect(unsigned(503, denial(503, "INTERNAL_ERROR"))).toMatchObject({ code: "UNSIGNED_SERVER_ERROR", kind: "retry", claimedCode: "INTERNAL_ERROR" });
    expect(unsigned(429, "slow down")).toMatchObject({ code: "UNSIGNED_SERVER_ERROR", kind: "retry" });
    expect(unsigned(404, "not here")).toMatchObject({ code: "UNSIGNED_REJECTION", kind: "rejected", status: 404 });
    // An unsigned denial is not a verdict: nobody vouches for it.
    expect(unsigned(403, denial(403, "LICENSE_REVOKED"))).toMatchObject({ code: "UNSIGNED_REJECTION", kind: "rejected", claimedCode: "LICENSE_REVOKED" });
  });

  test("a signed error without an error envelope is INVALID_RESPONSE", () => {
    expect(interpretAnswer(signed(502, "<html>bad gateway</html>"), request, NOW)).toMatchObject({
      code: "INVALID_RESPONSE",
      status: 502,
    });
  });
});

describe("parseRetryAfter", () => {
  test("delay seconds, an HTTP date, or nothing", () => {
    expect(parseRetryAfter("17", NOW)).toBe(17);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30);
    expect(parseRetryAfter(new Date(NOW - 30_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter("soon", NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });
});

describe("failureKind", () => {
  test("classifies known codes, and unknown ones by status", () => {
    expect(failureKind("HWID_BLACKLISTED", 403)).toBe("denied");
    expect(failureKind("SESSION_REVOKED", 403)).toBe("denied");
    expect(failureKind("NONCE_REUSED", 401)).toBe("rejected");
    expect(failureKind("PRODUCT_RATE_LIMITED", 429)).toBe("retry");
    expect(failureKind("TIMEOUT", null)).toBe("retry");
    expect(failureKind("RESPONSE_SIGNATURE_INVALID", 200)).toBe("untrusted");
    expect(failureKind("SOMETHING_NEW", 503)).toBe("retry");
    expect(failureKind("SOMETHING_NEW", 403)).toBe("rejected");
  });
});
