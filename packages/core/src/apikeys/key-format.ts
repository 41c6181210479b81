import { randomBytes } from "node:crypto";
import { sha256Hex } from "../crypto/hash.ts";

const PREFIX_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case
const PREFIX_LENGTH = 12;
const KEY_PATTERN = /^gg_([0-9a-z]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * `gg_<prefix>_<secret>`: a 60-bit public prefix (the lookup index, safe to show) and a
 * 256-bit secret. Only SHA-256 of the whole string is stored.
 */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = Array.from(randomBytes(PREFIX_LENGTH), (b) => PREFIX_ALPHABET[b & 31]).join("");
  const key = `gg_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: sha256Hex(key) };
}

/** The prefix of a well-formed key, or null (malformed keys never reach the database). */
export function apiKeyPrefix(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}
