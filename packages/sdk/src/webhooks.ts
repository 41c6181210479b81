import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Verifies a GeckoGuard webhook delivery. Self-contained (node:crypto only), for Bun and
 * Node receivers.
 *
 *     X-GeckoGuard-Signature-V2: t=<unixSec>,v1=<hex>
 *     hex = HMAC-SHA256(key = endpoint secret, `${t}.${rawBody}`)
 *
 * Pass the body exactly as received (the bytes or their UTF-8 text), never re-serialised
 * JSON. A delivery is accepted when one v1 signature matches (compared in constant time)
 * and t is within `toleranceSec` (default 300) of now.
 */

export interface VerifyWebhookOptions {
  /** Largest accepted |now − t| in seconds (default 300). */
  toleranceSec?: number;
  /** The current time in epoch milliseconds (default Date.now()). */
  now?: number;
}

export type WebhookVerdict =
  | { valid: true; timestamp: number }
  | { valid: false; reason: "malformed_header" | "bad_signature" | "stale_timestamp" };

export const WEBHOOK_SIGNATURE_HEADER = "X-GeckoGuard-Signature-V2";

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** `t=…,v1=…[,v1=…]` → the timestamp and the signatures; null when malformed. Unknown keys are ignored. */
function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | null {
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 1) return null;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t") {
      if (!/^\d{1,12}$/.test(value) || timestamp !== null) return null;
      timestamp = Number(value);
    } else if (key === "v1") {
      if (!HEX_SHA256.test(value)) return null;
      signatures.push(Buffer.from(value, "hex"));
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

export function verifyWebhook(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
  options: VerifyWebhookOptions = {},
): WebhookVerdict {
  const parsed = typeof header === "string" && header.length <= 1024 ? parseHeader(header) : null;
  if (parsed === null) return { valid: false, reason: "malformed_header" };
  const hmac = createHmac("sha256", secret).update(`${parsed.timestamp}.`);
  const expected = (typeof rawBody === "string" ? hmac.update(rawBody, "utf8") : hmac.update(rawBody)).digest();
  // Check every candidate (no early exit), each comparison in constant time.
  let matched = false;
  for (const signature of parsed.signatures) matched = timingSafeEqual(signature, expected) || matched;
  if (!matched) return { valid: false, reason: "bad_signature" };
  const nowSec = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(nowSec - parsed.timestamp) > (options.toleranceSec ?? 300)) return { valid: false, reason: "stale_timestamp" };
  return { valid: true, timestamp: parsed.timestamp };
}
