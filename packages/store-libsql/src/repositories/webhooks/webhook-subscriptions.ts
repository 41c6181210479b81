import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../connection/executor.ts";
import { products, webhookEndpoints } from "../../schema/index.ts";

/**
 * What the enabled endpoints of a product (or of every product of an org) subscribe to,
 * read in the caller's transaction: an endpoint committed before the change, by any
 * process, is seen. Not cached across transactions, so no process can drop an event
 * for an endpoint another process has just created. The raw-SQL paths state the same
 * rule once, in `subscription-sql.ts` (a test checks the two agree).
 */
export async function subscriptionsOf(db: Executor, target: { productId: string } | { orgId: string }): Promise<string[][]> {
  const enabled = eq(webhookEndpoints.enabled, true);
  const inScope =
    "productId" in target
      ? eq(webhookEndpoints.productId, target.productId)
      : inArray(webhookEndpoints.productId, db.select({ id: products.id }).from(products).where(eq(products.orgId, target.orgId)));
  const rows = await db.select({ events: webhookEndpoints.events }).from(webhookEndpoints).where(and(inScope, enabled));
  return rows.map((row) => JSON.parse(row.events) as string[]);
}
