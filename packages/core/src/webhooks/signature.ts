import { createHmac } from "node:crypto";
import { randomToken } from "../crypto/random.ts";

/** Header carrying `t=<unixSec>,v1=<hex>` (docs/webhooks.md#verifying-a-delivery). */
export const SIGNATURE_HEADER = "X-GeckoGuard-Signature-V2";

/** A new endpoint signing secret: 256 bits from the CSPRNG, prefixed so it is recognisable in a vault. */
export function newWebhookSecret(): string {
  return `whsec_${randomToken(32)}`;
}

/** hex(HMAC-SHA256(key = the secret string, `${t}.${rawBody}`)). */
export function webhookSignatureHex(secret: string, timestampSec: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestampSec}.${rawBody}`).digest("hex");
}

/** The header value for one delivery attempt, signed at `timestampSec`. */
export function signatureHeader(secret: string, timestampSec: number, rawBody: string): string {
  return `t=${timestampSec},v1=${webhookSignatureHex(secret, timestampSec, rawBody)}`;
}
