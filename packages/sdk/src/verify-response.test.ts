import { describe, expect, test } from "bun:test";
import { generateKeyPairSync } from "node:crypto";
import { LicenseClientConfigError } from "./errors.ts";
import { RESPONSE_EXAMPLE as ex } from "./testing/worked-example.ts";
import { loadProductPublicKey, signResponse, verifyResponseSignature } from "./verify-response.ts";

const publicKey = loadProductPublicKey(ex.publicKeyPem);
const check = (over: Partial<{ nonce: string; body: string; signature: string | null }> = {}) =>
  verifyResponseSignature({ publicKey, nonce: ex.nonce, body: ex.body, signature: ex.signature, ...over });

describe("worked example (README)", () => {
  test("signing nonce + newline + body with the demo key gives the printed signature", () => {
    expect(signResponse(ex.privateKeyPem, ex.nonce, ex.body)).toBe(ex.signature);
  });

  test("the signature verifies with the key as SPKI PEM, JWK object and JWK text", () => {
    for (const key of [ex.publicKeyPem, ex.publicKeyJwk, JSON.stringify(ex.publicKeyJwk)]) {
      const loaded = loadProductPublicKey(key);
      expect(verifyResponseSignature({ publicKey: loaded, nonce: ex.nonce, body: ex.body, signature: ex.signature })).toBe(true);
    }
  });
});

describe("verifyResponseSignature", () => {
  test("accepts the untouched answer, as text or bytes", () => {
    expect(check()).toBe(true);
    expect(verifyResponseSignature({ publicKey, nonce: ex.nonce, body: new TextEncoder().encode(ex.body), signature: ex.signature })).toBe(true);
  });

  test("rejects a recorded valid answer replayed to a request with another nonce", () => {
    expect(check({ nonce: "AnotherNonce_0123456789" })).toBe(false);
  });

  test("rejects a tampered body", () => {
    expect(check({ body: ex.body.replace("2027-11-27", "2099-11-27") })).toBe(false);
    expect(check({ body: `${ex.body} ` })).toBe(false);
  });

  test("rejects a signature made with another product's key", () => {
    const other = generateKeyPairSync("ed25519");
    expect(check({ signature: signResponse(other.privateKey, ex.nonce, ex.body) })).toBe(false);
    const foreign = verifyResponseSignature({ publicKey: other.publicKey, nonce: ex.nonce, body: ex.body, signature: ex.signature });
    expect(foreign).toBe(false);
  });

  test("rejects a missing, empty, truncated or non-base64url signature", () => {
    expect(check({ signature: null })).toBe(false);
    expect(check({ signature: "" })).toBe(false);
    expect(check({ signature: ex.signature.slice(0, 80) })).toBe(false);
    expect(check({ signature: ex.signature.replaceAll("-", "+").replaceAll("_", "/") })).toBe(false);
    expect(check({ signature: `${ex.signature}AA` })).toBe(false);
  });
});

describe("loadProductPublicKey", () => {
  test("refuses private keys, so one is never shipped in an app", () => {
    expect(() => loadProductPublicKey(ex.privateKeyPem)).toThrow(LicenseClientConfigError);
    const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
    expect(() => loadProductPublicKey(jwk)).toThrow(/private key/);
  });

  test("refuses non-Ed25519 keys and unreadable input", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" });
    expect(() => loadProductPublicKey(rsa.toString())).toThrow(/Ed25519/);
    expect(() => loadProductPublicKey("not a key")).toThrow(LicenseClientConfigError);
    expect(() => loadProductPublicKey({ kty: "OKP", crv: "Ed25519" })).toThrow(LicenseClientConfigError);
  });
});
