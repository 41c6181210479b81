import type { SecretBox } from "./secret-box.ts";
import type { WebhookUrlPolicy } from "./url-policy.ts";
import type { GgContext } from "../context.ts";
import { GgError } from "../errors/gg-error.ts";

/** What the endpoint use cases need beyond the store: the secret box and the URL rules. */
export interface WebhookSettings {
  secrets: SecretBox;
  urlPolicy: WebhookUrlPolicy;
}

/** At most this many endpoints per product (more → 400: docs/webhooks.md#managing-endpoints). */
export const MAX_ENDPOINTS_PER_PRODUCT = 20;

/** The context's webhook settings; an embedding host that left them out gets a clear 500 in its logs. */
export function webhookSettingsOf(ctx: GgContext): WebhookSettings {
  if (ctx.webhooks === undefined) throw new GgError("INTERNAL_ERROR", "Webhooks are not configured on this server");
  return ctx.webhooks;
}
