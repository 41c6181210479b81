import { describe, expect, test } from "bun:test";
import { sha256Hex } from "../crypto/hash.ts";
import { apiKeyPrefix, newApiKey } from "./key-format.ts";
import { shouldStampLastUse } from "./authenticate-api-key.ts";

describe("API key format", () => {
  test("gg_<12 base32 chars>_<43 base64url chars>; the hash is SHA-256 of the whole key", () => {
    const { key, prefix, secretHash } = newApiKey();
    expect(key).toMatch(/^gg_[0-9a-hjkmnp-tv-z]{12}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`gg_${prefix}_`)).toBe(true);
    expect(secretHash).toBe(sha256Hex(key));
  });

  test("every key, prefix and hash is fresh", () => {
    const keys = Array.from({ length: 200 }, () => newApiKey());
    expect(new Set(keys.map((k) => k.key)).size).toBe(200);
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(200);
    expect(new Set(keys.map((k) => k.secretHash)).size).toBe(200);
  });

  test("apiKeyPrefix reads the prefix of a well-formed key only", () => {
    const { key, prefix } = newApiKey();
    expect(apiKeyPrefix(key)).toBe(prefix);
    for (const malformed of ["", "gg_", key.toUpperCase(), `${key}x`, key.slice(0, -1), `x${key}`, key.replace("gg_", "gk_"), "Bearer abc"]) {
      expect(apiKeyPrefix(malformed)).toBeNull();
    }
  });
});

describe("last-use stamping", () => {
  test.each([
    [null, 0, true],
    [1_000, 1_000, false],
    [1_000, 60_999, false],
    [1_000, 61_000, true],
  ])("lastUsedAt %p at %p → stamp %p", (lastUsedAt, now, expected) => {
    expect(shouldStampLastUse(lastUsedAt, now)).toBe(expected);
  });
});
