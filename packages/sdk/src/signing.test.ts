import { describe, expect, test } from "bun:test";
import {
  canonicalRequestString,
  isValidNonce,
  newNonce,
  requestSignatureMatches,
  sha256Hex,
  signRequest,
  signedRequestHeaders,
} from "./signing.ts";
import { REQUEST_EXAMPLE as ex } from "./testing/worked-example.ts";

const request = { timestamp: ex.timestamp, nonce: ex.nonce, path: ex.path, body: ex.body };

describe("worked example (README)", () => {
  test("canonical string is timestamp, nonce, POST, path and body hash on five lines", () => {
    expect(sha256Hex(ex.body)).toBe(ex.bodySha256);
    expect(canonicalRequestString(request)).toBe(`1795773600\nXq3_tR8-vLm2Np5Kw9Zb\nPOST\n/v1/licenses/authorize\n${ex.bodySha256}`);
  });

  test("signature is hex HMAC-SHA256 keyed with the API key string", () => {
    expect(signRequest(ex.apiKey, request)).toBe(ex.signature);
    expect(signRequest(ex.apiKey, { ...request, body: new TextEncoder().encode(ex.body) })).toBe(ex.signature);
  });

  test("a base URL path prefix is part of the signed path", () => {
    expect(signRequest(ex.apiKey, { ...request, path: ex.prefixedPath })).toBe(ex.prefixedSignature);
  });

  test("headers carry key, timestamp, nonce and signature", () => {
    expect(signedRequestHeaders(ex.apiKey, request)).toEqual({
      "X-Api-Key": ex.apiKey,
      "X-GG-Timestamp": "1795773600",
      "X-GG-Nonce": ex.nonce,
      "X-GG-Signature": ex.signature,
    });
  });
});

describe("requestSignatureMatches", () => {
  test("accepts the right signature, in either hex case", () => {
    expect(requestSignatureMatches(ex.apiKey, request, ex.signature)).toBe(true);
    expect(requestSignatureMatches(ex.apiKey, request, ex.signature.toUpperCase())).toBe(true);
  });

  test("rejects any change to what is signed, another key, and malformed signatures", () => {
    const sig = ex.signature;
    expect(requestSignatureMatches(ex.apiKey, { ...request, body: ex.body.replace("1.2.3", "1.2.4") }, sig)).toBe(false);
    expect(requestSignatureMatches(ex.apiKey, { ...request, path: `${ex.path}?x=1` }, sig)).toBe(false);
    expect(requestSignatureMatches(ex.apiKey, { ...request, timestamp: ex.timestamp + 1 }, sig)).toBe(false);
    expect(requestSignatureMatches(ex.apiKey, { ...request, nonce: `${ex.nonce}x` }, sig)).toBe(false);
    expect(requestSignatureMatches(ex.apiKey, { ...request, method: "GET" }, sig)).toBe(false);
    expect(requestSignatureMatches(`${ex.apiKey}x`, request, sig)).toBe(false);
    expect(requestSignatureMatches(ex.apiKey, request, sig.slice(2))).toBe(false);
    expect(requestSignatureMatches(ex.apiKey, request, `${sig.slice(0, 62)}zz`)).toBe(false);
    expect(requestSignatureMatches(ex.apiKey, request, "")).toBe(false);
  });
});

describe("nonces", () => {
  test("fresh nonces fit the documented alphabet and length and do not repeat", () => {
    const nonces = Array.from({ length: 200 }, () => newNonce());
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  test("16 to 128 characters of [A-Za-z0-9_-]", () => {
    expect(isValidNonce("a".repeat(15))).toBe(false);
    expect(isValidNonce("a".repeat(16))).toBe(true);
    expect(isValidNonce("a".repeat(128))).toBe(true);
    expect(isValidNonce("a".repeat(129))).toBe(false);
    expect(isValidNonce(`${"a".repeat(16)}+`)).toBe(false);
    expect(isValidNonce(`${"a".repeat(16)}\n`)).toBe(false);
  });
});
