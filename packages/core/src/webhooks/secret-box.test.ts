import { describe, expect, test } from "bun:test";
import { aesGcmSecretBox } from "./secret-box.ts";
import { newWebhookSecret, signatureHeader, webhookSignatureHex } from "./signature.ts";
import { createHmac } from "node:crypto";

const root = new Uint8Array(32).fill(7);

describe("endpoint secrets at rest", () => {
  test("a sealed secret opens with the same key and endpoint, and does not contain the plaintext", () => {
    const box = aesGcmSecretBox(root);
    const secret = newWebhookSecret();
    const sealed = box.seal(secret, "endpoint-1");
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open(sealed, "endpoint-1")).toBe(secret);
    expect(box.seal(secret, "endpoint-1")).not.toBe(sealed); // fresh IV each time
  });

  test("another key, another endpoint or a flipped byte does not open it", () => {
    const sealed = aesGcmSecretBox(root).seal("whsec_x", "endpoint-1");
    expect(aesGcmSecretBox(new Uint8Array(32).fill(8)).open(sealed, "endpoint-1")).toBeNull();
    expect(aesGcmSecretBox(root).open(sealed, "endpoint-2")).toBeNull();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(aesGcmSecretBox(root).open(tampered, "endpoint-1")).toBeNull();
    expect(aesGcmSecretBox(root).open("garbage", "endpoint-1")).toBeNull();
  });
});

describe("delivery signature", () => {
  test("v1 is HMAC-SHA256 of `${t}.${rawBody}` keyed by the secret string", () => {
    const body = '{"id":"e1","type":"license.created","createdAt":"2026-11-27T10:00:00.000Z","data":{}}';
    const expected = createHmac("sha256", "whsec_test").update(`1795000000.${body}`).digest("hex");
    expect(webhookSignatureHex("whsec_test", 1795000000, body)).toBe(expected);
    expect(signatureHeader("whsec_test", 1795000000, body)).toBe(`t=1795000000,v1=${expected}`);
  });

  test("secrets carry 256 random bits and never repeat", () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
