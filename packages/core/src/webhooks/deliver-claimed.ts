import type { Clock } from "../clock.ts";
import type { Logger } from "../ports/logger.ts";
import type { Store } from "../ports/store.ts";
import type { ClaimedDelivery } from "../ports/webhooks.ts";
import type { SecretBox } from "./secret-box.ts";
import type { AttemptReport } from "./delivery-outcome.ts";
import { checkUrlSyntax, resolveTarget, type WebhookUrlPolicy } from "./url-policy.ts";
import { deliveryBody, deliveryHeaders } from "./delivery-body.ts";
import { recordAttempt, type AttemptPolicy } from "./record-attempt.ts";
import type { WebhookSender } from "./http-sender.ts";

export interface DeliveryDeps extends AttemptPolicy {
  store: Store;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  urlPolicy: WebhookUrlPolicy;
  send: WebhookSender;
}

const refused = (outcome: AttemptReport["outcome"], error: string): AttemptReport => ({ outcome, statusCode: null, error, durationMs: 0, responseSnippet: null });

/** Checks the URL again (DNS may have changed since it was saved), then sends to the checked address. */
async function attempt(deps: DeliveryDeps, claimed: ClaimedDelivery, shutdown: AbortSignal): Promise<AttemptReport> {
  const secret = deps.secrets.open(claimed.endpoint.secretSealed, claimed.endpoint.id);
  if (secret === null) return refused("secret_unreadable", "The signing secret cannot be decrypted (server secret changed?); rotate it");
  const syntax = checkUrlSyntax(claimed.endpoint.url, deps.urlPolicy);
  const target = syntax.ok ? await resolveTarget(syntax.url, deps.urlPolicy) : syntax;
  if (!target.ok) return refused("blocked_address", target.reason);
  const body = deliveryBody(claimed.event);
  const headers = deliveryHeaders(claimed, secret, body, deps.clock.now());
  return deps.send({ url: target.url, address: target.address, headers, body, shutdown });
}

/** One attempt of a claimed delivery, start to finish. Never throws: failures are logged. */
export async function deliverClaimed(deps: DeliveryDeps, claimed: ClaimedDelivery, shutdown: AbortSignal): Promise<void> {
  try {
    const report = await attempt(deps, claimed, shutdown);
    const { disabled } = await recordAttempt(deps.store, claimed, report, deps, deps.clock.now());
    const fields = { deliveryId: claimed.id, endpointId: claimed.endpoint.id, eventType: claimed.event.type, attempt: claimed.attempt };
    if (report.outcome !== "success") deps.logger.warn("webhook.attempt_failed", { ...fields, outcome: report.outcome, statusCode: report.statusCode });
    if (disabled) deps.logger.warn("webhook.endpoint_disabled", { endpointId: claimed.endpoint.id, productId: claimed.endpoint.productId });
  } catch (error) {
    // The lease runs out and another attempt follows; the log names the error class only.
    deps.logger.error("webhook.delivery_error", { deliveryId: claimed.id, errorClass: (error as { name?: string })?.name ?? typeof error });
  }
}
