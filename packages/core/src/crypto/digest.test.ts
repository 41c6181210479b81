import { describe, expect, test } from "bun:test";
import { createHash, createHmac } from "node:crypto";
import { hmacSha256Hex, sha256Bytes, sha256HexDigest } from "./digest.ts";

describe("digest (native hashers on Bun)", () => {
  const inputs = ["", "gg_abcdefghijkl_secret", "ünïcødé ✓ \u0000 end", new TextEncoder().encode("bytes too")];
  test("SHA-256 equals node:crypto's, as hex and as bytes", () => {
    for (const input of inputs) {
      expect(sha256HexDigest(input)).toBe(createHash("sha256").update(input).digest("hex"));
      expect(Buffer.from(sha256Bytes(input)).toString("hex")).toBe(createHash("sha256").update(input).digest("hex"));
    }
  });
  test("HMAC-SHA256 equals node:crypto's", () => {
    for (const input of inputs) {
      expect(hmacSha256Hex("gg_key_ünï", input)).toBe(createHmac("sha256", "gg_key_ünï").update(input).digest("hex"));
    }
  });
});
