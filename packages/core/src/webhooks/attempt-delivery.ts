import type { Clock } from "../clock.ts";
import type { Logger } from "../ports/logger.ts";
import type { Store } from "../ports/store.ts";
import type { ClaimedDelivery } from "../ports/webhooks.ts";
import type { SecretBox } from "./secret-box.ts";
import type { AttemptReport } from "./delivery-outcome.ts";
import { checkUrlSyntax, resolveTarget, type WebhookUrlPolicy } from "./url-policy.ts";
import { deliveryBody, deliveryHeaders } from "./delivery-body.ts";
import type { AttemptPolicy } from "./record-attempts.ts";
import type { WebhookSender } from "./webhook-sender.ts";

export interface DeliveryDeps extends AttemptPolicy {
  store: Store;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  urlPolicy: WebhookUrlPolicy;
  send: WebhookSender;
}

const refused = (outcome: AttemptReport["outcome"], error: string): AttemptReport => ({ outcome, statusCode: null, error, durationMs: 0, responseSnippet: null });

/**
 * One attempt of a claimed delivery: checks the URL again (DNS may have changed since it
 * was saved), signs, and sends to the checked address. Failures are reports, not throws.
 */
export async function attemptDelivery(deps: DeliveryDeps, claimed: ClaimedDelivery, shutdown: AbortSignal): Promise<AttemptReport> {
  const secret = deps.secrets.open(claimed.endpoint.secretSealed, claimed.endpoint.id);
  if (secret === null) return refused("secret_unreadable", "The signing secret cannot be decrypted (server secret changed?); rotate it");
  const syntax = checkUrlSyntax(claimed.endpoint.url, deps.urlPolicy);
  const target = syntax.ok ? await resolveTarget(syntax.url, deps.urlPolicy) : syntax;
  if (!target.ok) return refused("blocked_address", target.reason);
  const body = deliveryBody(claimed.event);
  const headers = deliveryHeaders(claimed, secret, body, deps.clock.now());
  // Logged by the worker once written, with the next attempt's time (delivery-report.ts).
  return deps.send({ url: target.url, address: target.address, headers, body, shutdown });
}
