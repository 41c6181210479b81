import { GgError } from "../errors/gg-error.ts";

export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** docs/rate-limits-and-idempotency.md: 1–255 printable ASCII characters (a UUID is the usual choice). */
export function assertIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH || !/^[\x20-\x7e]+$/.test(key)) {
    throw new GgError("VALIDATION_ERROR", `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters`, {
      details: [{ path: "headers/idempotency-key", message: `Expected 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters` }],
    });
  }
}
