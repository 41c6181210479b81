import type { ActingContext } from "../audit/actor.ts";
import type { AuditChanges } from "../audit/audit-entry.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Store } from "../ports/store.ts";
import type { WebhookEndpointRecord } from "../records/webhook.ts";

/** The endpoint fields the audit log names; never the signing secret, sealed or not. */
export const ENDPOINT_AUDIT_FIELDS = ["url", "description", "events", "enabled", "disabledReason"] as const;

export function recordEndpointAudit(
  tx: Store,
  ctx: ActingContext,
  action: string,
  endpoint: Pick<WebhookEndpointRecord, "id" | "productId">,
  orgId: string,
  changes: AuditChanges | null,
  now: number,
): Promise<void> {
  return recordAudit(tx, ctx.origin, { action, resource: { type: "webhook_endpoint", id: endpoint.id }, orgId, productId: endpoint.productId, changes }, now);
}
