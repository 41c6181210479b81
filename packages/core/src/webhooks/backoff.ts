/** Delivery retry policy (docs/webhooks.md#retries-the-delivery-log-and-redelivery). */

/** Attempts per delivery in all: the first and five retries. */
export const MAX_DELIVERY_ATTEMPTS = 6;
/** No retry waits longer than this, jitter included. */
export const MAX_RETRY_DELAY_MS = 16 * 60_000;
/** Default GG_WEBHOOK_BACKOFF_BASE_MS: the wait before the second attempt. */
export const DEFAULT_BACKOFF_BASE_MS = 60_000;
/** Spread of the jitter around the nominal wait (±10 %), so retries of many deliveries do not align. */
export const JITTER_RATIO = 0.1;

/**
 * The wait before attempt n+1 once `attemptsMade` (n ≥ 1) have failed:
 * base × 2^(n−1), scaled by a jitter factor in [1 − JITTER_RATIO, 1 + JITTER_RATIO),
 * capped at MAX_RETRY_DELAY_MS. `random` is in [0, 1) (Math.random in production).
 */
export function retryDelayMs(attemptsMade: number, baseMs: number, random: number): number {
  const exponent = Math.max(0, attemptsMade - 1);
  const nominal = baseMs * 2 ** exponent;
  const jitter = 1 - JITTER_RATIO + 2 * JITTER_RATIO * random;
  return Math.min(MAX_RETRY_DELAY_MS, Math.round(nominal * jitter));
}
