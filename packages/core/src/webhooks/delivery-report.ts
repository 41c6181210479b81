import type { Logger } from "../ports/logger.ts";
import type { ClaimedDelivery, DeliveryResult } from "../ports/webhooks.ts";
import { toIso } from "../clock.ts";
import type { AttemptReport } from "./delivery-outcome.ts";

/** An attempt whose outcome has been written: what was sent, how it went, and what happens next. */
export interface RecordedAttempt {
  claimed: ClaimedDelivery;
  report: AttemptReport;
  result: DeliveryResult;
}

/**
 * Told about every written outcome and every endpoint switched off; the runtime counts
 * them for /metrics. Called after the transaction commits, never inside it.
 */
export interface WebhookDeliveryObserver {
  attemptRecorded(attempt: RecordedAttempt): void;
  endpointDisabled(endpoint: ClaimedDelivery["endpoint"]): void;
}

/** `2xx`…`5xx` for an HTTP answer, otherwise what went wrong (`timeout`, `connection_error`, `blocked_address`, …). */
export function statusClassOf(report: Pick<AttemptReport, "outcome" | "statusCode">): string {
  return report.statusCode === null ? report.outcome : `${Math.floor(report.statusCode / 100)}xx`;
}

/**
 * One JSON line per written attempt: `webhook.delivered` (info) or `webhook.attempt_failed`
 * (warn, with the next attempt's time or `gaveUp`). Ids, event type, status and timing
 * only: never the URL (it may hold credentials or a token), the body or the secret.
 */
export function logRecordedAttempt(logger: Logger, { claimed, report, result }: RecordedAttempt): void {
  const fields = { deliveryId: claimed.id, endpointId: claimed.endpoint.id, eventType: claimed.event.type, attempt: claimed.attempt };
  if (result.status === "delivered") {
    logger.info("webhook.delivered", { ...fields, statusCode: report.statusCode, durationMs: report.durationMs });
    return;
  }
  logger.warn("webhook.attempt_failed", {
    ...fields,
    attemptLimit: claimed.attemptLimit,
    outcome: report.outcome,
    statusClass: statusClassOf(report),
    statusCode: report.statusCode,
    nextAttemptAt: result.nextAttemptAt === null ? null : toIso(result.nextAttemptAt),
    gaveUp: result.status === "failed",
  });
}
