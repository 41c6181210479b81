import type { Store } from "../ports/store.ts";
import type { ActingContext } from "../audit/actor.ts";
import type { AuditChanges } from "../audit/audit-entry.ts";
import { recordAudit } from "../audit/record-audit.ts";

/**
 * The audit entry of a change to a product's variables or versions, in the change's
 * transaction; the org is the product's. `changes` never holds a secret variable's value.
 */
export async function recordAppDataAudit(
  tx: Store,
  ctx: ActingContext,
  productId: string,
  action: string,
  resource: { type: string; id: string },
  changes: AuditChanges | null,
  now: number,
): Promise<void> {
  const product = await tx.products.find(productId);
  if (product === null) return; // deleted meanwhile: the change itself found nothing either
  await recordAudit(tx, ctx.origin, { action, resource, orgId: product.orgId, productId, changes }, now);
}
