import type { WebhookDeliveryView } from "../ports/webhooks.ts";
import type { WebhookAttemptRecord, WebhookEndpointRecord } from "../records/webhook.ts";
import { toIso, toIsoOrNull } from "../clock.ts";

/** An endpoint as the API shows it: never its secret. */
export function presentWebhookEndpoint(endpoint: WebhookEndpointRecord) {
  return {
    id: endpoint.id,
    productId: endpoint.productId,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    failingSince: toIsoOrNull(endpoint.failingSince),
    createdAt: toIso(endpoint.createdAt),
    updatedAt: toIso(endpoint.updatedAt),
  };
}

export function presentWebhookDelivery(delivery: WebhookDeliveryView) {
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    endpointId: delivery.endpointId,
    status: delivery.status,
    attempts: delivery.attempts,
    attemptLimit: delivery.attemptLimit,
    nextAttemptAt: delivery.status === "pending" ? toIsoOrNull(delivery.nextAttemptAt) : null,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    deliveredAt: toIsoOrNull(delivery.deliveredAt),
    createdAt: toIso(delivery.createdAt),
    updatedAt: toIso(delivery.updatedAt),
  };
}

export function presentWebhookAttempt(attempt: WebhookAttemptRecord & { eventId: string; eventType: string }) {
  return {
    id: attempt.id,
    deliveryId: attempt.deliveryId,
    eventId: attempt.eventId,
    eventType: attempt.eventType,
    attempt: attempt.attempt,
    outcome: attempt.outcome,
    statusCode: attempt.statusCode,
    error: attempt.error,
    durationMs: attempt.durationMs,
    responseSnippet: attempt.responseSnippet,
    createdAt: toIso(attempt.createdAt),
  };
}
