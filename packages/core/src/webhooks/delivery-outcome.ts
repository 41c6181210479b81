import type { DeliveryResult } from "../ports/webhooks.ts";
import type { AttemptOutcome } from "../records/webhook.ts";
import { retryDelayMs } from "./backoff.ts";

/** An endpoint whose attempts have all failed for this long is switched off. */
export const DISABLE_AFTER_FAILING_MS = 3 * 86_400_000;

export interface AttemptReport {
  outcome: AttemptOutcome;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseSnippet: string | null;
}

/**
 * Pure: the delivery's next state after attempt number `attempt`. A 2xx delivers it; any
 * other outcome retries after the backoff until `attemptLimit` attempts were made, then
 * gives up (status failed; a user can still redeliver it by hand).
 */
export function deliveryResultAfter(
  attempt: { attempt: number; attemptLimit: number },
  report: AttemptReport,
  now: number,
  backoffBaseMs: number,
  random: number,
): DeliveryResult {
  const last = { statusCode: report.statusCode, error: report.error };
  if (report.outcome === "success") return { status: "delivered", nextAttemptAt: null, ...last, deliveredAt: now };
  if (attempt.attempt >= attempt.attemptLimit) return { status: "failed", nextAttemptAt: null, ...last, deliveredAt: null };
  return { status: "pending", nextAttemptAt: now + retryDelayMs(attempt.attempt, backoffBaseMs, random), ...last, deliveredAt: null };
}

/** Pure: whether a failure run that began at `failingSince` has lasted long enough to disable the endpoint. */
export function failingTooLong(failingSince: number, now: number): boolean {
  return now - failingSince >= DISABLE_AFTER_FAILING_MS;
}
