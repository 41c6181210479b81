import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { WebhookEndpointPatch, WebhookEndpointRecord, WebhookEndpointStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { products, webhookEndpoints } from "../../schema/index.ts";

type EndpointRow = typeof webhookEndpoints.$inferSelect;

function toRecord(row: EndpointRow): WebhookEndpointRecord {
  return { ...row, events: JSON.parse(row.events) as string[] };
}

function toSet(patch: WebhookEndpointPatch): Partial<EndpointRow> {
  const { events, ...rest } = patch;
  return events === undefined ? rest : { ...rest, events: JSON.stringify(events) };
}

export function libsqlWebhookEndpoints(db: Executor): WebhookEndpointStore {
  const inProduct = (productId: string, id: string) => and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.productId, productId));
  return {
    async insertBelowLimit(endpoint, max) {
      const e = endpoint;
      // Count and insert in one statement, so concurrent creates cannot pass the limit together.
      const result = await db.run(sql`
        INSERT INTO ${webhookEndpoints} (id, product_id, url, description, events, enabled, secret_sealed, failing_since, disabled_reason, created_at, updated_at)
        SELECT ${e.id}, ${e.productId}, ${e.url}, ${e.description}, ${JSON.stringify(e.events)}, ${e.enabled ? 1 : 0}, ${e.secretSealed},
               ${e.failingSince}, ${e.disabledReason}, ${e.createdAt}, ${e.updatedAt}
        WHERE (SELECT count(*) FROM ${webhookEndpoints} WHERE product_id = ${e.productId}) < ${max}`);
      return result.rowsAffected === 1;
    },
    async listByProduct(productId) {
      const rows = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.productId, productId)).orderBy(asc(webhookEndpoints.id));
      return rows.map(toRecord);
    },
    async find(productId, id) {
      const row = await db.select().from(webhookEndpoints).where(inProduct(productId, id)).get();
      return row === undefined ? null : toRecord(row);
    },
    async update(productId, id, patch, now) {
      const result = await db.update(webhookEndpoints).set({ ...toSet(patch), updatedAt: now }).where(inProduct(productId, id));
      return result.rowsAffected === 1;
    },
    async delete(productId, id) {
      const result = await db.delete(webhookEndpoints).where(inProduct(productId, id));
      return result.rowsAffected === 1;
    },
    async listForFanOut({ productIds, orgIds, endpointIds }) {
      const targets: SQL[] = [];
      if (productIds.length > 0) targets.push(inArray(webhookEndpoints.productId, productIds));
      if (orgIds.length > 0) targets.push(inArray(products.orgId, orgIds));
      if (endpointIds.length > 0) targets.push(inArray(webhookEndpoints.id, endpointIds));
      if (targets.length === 0) return [];
      const rows = await db
        .select({ endpoint: webhookEndpoints, orgId: products.orgId })
        .from(webhookEndpoints)
        .innerJoin(products, eq(products.id, webhookEndpoints.productId))
        .where(and(eq(webhookEndpoints.enabled, true), or(...targets)));
      return rows.map((row) => ({ ...toRecord(row.endpoint), orgId: row.orgId }));
    },
    async noteSuccess(ids) {
      if (ids.length === 0) return;
      await db.update(webhookEndpoints).set({ failingSince: null }).where(and(inArray(webhookEndpoints.id, ids), sql`${webhookEndpoints.failingSince} IS NOT NULL`));
    },
    async noteFailure(id, now) {
      const row = await db
        .update(webhookEndpoints)
        .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now})` })
        .where(eq(webhookEndpoints.id, id))
        .returning({ failingSince: webhookEndpoints.failingSince })
        .get();
      return row?.failingSince ?? now;
    },
  };
}
