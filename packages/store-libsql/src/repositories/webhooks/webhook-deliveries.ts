import { and, count, desc, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { WebhookDeliveryStore, WebhookDeliveryView } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { webhookDeliveries as d, webhookEndpoints as e, webhookEvents as ev } from "../../schema/index.ts";
import { libsqlWebhookAttempts } from "./webhook-attempts.ts";
import { chunks } from "../chunks.ts";

/** Rows per INSERT: well under SQLite's variable limit. */
const INSERT_CHUNK = 500;

/** Delivery columns as the API lists them. */
const viewColumns = {
  id: d.id,
  eventId: d.eventId,
  eventType: ev.type,
  endpointId: d.endpointId,
  status: d.status,
  attempts: d.attempts,
  attemptLimit: d.attemptLimit,
  nextAttemptAt: d.nextAttemptAt,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  deliveredAt: d.deliveredAt,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
};

// A literal, not a bound parameter: SQLite uses the partial index on pending rows only then.
const isPending = sql`${d.status} = 'pending'`;

export function libsqlWebhookDeliveries(db: Executor): WebhookDeliveryStore {
  /** The endpoint must be the product's: the tenancy check of every read and write below. */
  const ofEndpoint = (productId: string, endpointId: string) => and(eq(e.id, endpointId), eq(e.productId, productId));
  const leaseFree = (now: number) => or(isNull(d.leaseUntil), lte(d.leaseUntil, now));

  const dueNow = (now: number) => and(isPending, lte(d.nextAttemptAt, now), leaseFree(now), eq(e.enabled, true));

  return {
    ...libsqlWebhookAttempts(db),
    async insertMany(deliveries) {
      for (const chunk of chunks(deliveries, INSERT_CHUNK)) {
        const rows = chunk.map((x) => ({ ...x, status: "pending" as const, attempts: 0, attemptLimit: 6, updatedAt: x.createdAt }));
        await db.insert(d).values(rows).onConflictDoNothing();
      }
    },
    async claimDue(limit, lease, now, skipEndpointIds = []) {
      const skip = skipEndpointIds.length === 0 ? sql`` : sql`AND ep.id NOT IN (${sql.join(skipEndpointIds.map((id) => sql`${id}`), sql`, `)})`;
      // Each enabled endpoint's oldest due delivery (an index seek per endpoint), oldest first.
      const heads = sql`
        SELECT head.id FROM (
          SELECT (SELECT x.id FROM ${d} x
                  WHERE x.endpoint_id = ep.id AND x.status = 'pending' AND x.next_attempt_at <= ${now}
                    AND (x.lease_until IS NULL OR x.lease_until <= ${now})
                  ORDER BY x.next_attempt_at LIMIT 1) AS id
          FROM ${e} ep WHERE ep.enabled = 1 ${skip}
        ) head JOIN ${d} due ON due.id = head.id
        ORDER BY due.next_attempt_at LIMIT ${limit}`;
      // One statement: SQLite runs it under the write lock, so no two claimers get one row.
      const claimed = await db
        .update(d)
        .set({ leaseToken: lease.token, leaseUntil: lease.until, attempts: sql`${d.attempts} + 1`, updatedAt: now })
        .where(and(sql`${d.id} IN (${heads})`, isPending, leaseFree(now)))
        .returning({ id: d.id, attempt: d.attempts, attemptLimit: d.attemptLimit });
      if (claimed.length === 0) return [];
      const details = await db
        .select({ id: d.id, endpoint: { id: e.id, productId: e.productId, url: e.url, secretSealed: e.secretSealed }, event: { id: ev.id, type: ev.type, data: ev.data, createdAt: ev.createdAt } })
        .from(d)
        .innerJoin(e, eq(e.id, d.endpointId))
        .innerJoin(ev, eq(ev.id, d.eventId))
        .where(and(inArray(d.id, claimed.map((c) => c.id)), eq(d.leaseToken, lease.token)));
      const byId = new Map(details.map((row) => [row.id, row]));
      return claimed.flatMap((c) => {
        const detail = byId.get(c.id);
        return detail === undefined ? [] : [{ ...c, leaseToken: lease.token, endpoint: detail.endpoint, event: detail.event }];
      });
    },
    async hasDue(now) {
      const row = await db.select({ id: d.id }).from(d).innerJoin(e, eq(e.id, d.endpointId)).where(dueNow(now)).limit(1).get();
      return row !== undefined;
    },
    async countPending() {
      const row = await db.select({ n: count() }).from(d).where(eq(d.status, "pending")).get();
      return row?.n ?? 0;
    },
    async finish(id, leaseToken, result, now) {
      const updated = await db
        .update(d)
        .set({
          status: result.status,
          nextAttemptAt: result.nextAttemptAt,
          lastStatusCode: result.statusCode,
          lastError: result.error,
          deliveredAt: result.deliveredAt,
          leaseToken: null,
          leaseUntil: null,
          updatedAt: now,
        })
        .where(and(eq(d.id, id), eq(d.leaseToken, leaseToken)));
      return updated.rowsAffected === 1;
    },
    async list(productId, endpointId, filter, page) {
      const conditions: SQL[] = [ofEndpoint(productId, endpointId)!];
      if (filter.status !== undefined) conditions.push(eq(d.status, filter.status));
      const where = and(...conditions);
      const items = await db
        .select(viewColumns)
        .from(d)
        .innerJoin(e, eq(e.id, d.endpointId))
        .innerJoin(ev, eq(ev.id, d.eventId))
        .where(where)
        .orderBy(desc(d.id))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: count() }).from(d).innerJoin(e, eq(e.id, d.endpointId)).where(where);
      return { items: items as WebhookDeliveryView[], total: total?.n ?? 0 };
    },
    async find(productId, endpointId, deliveryId) {
      const row = await db
        .select(viewColumns)
        .from(d)
        .innerJoin(e, eq(e.id, d.endpointId))
        .innerJoin(ev, eq(ev.id, d.eventId))
        .where(and(eq(d.id, deliveryId), ofEndpoint(productId, endpointId)))
        .get();
      return (row as WebhookDeliveryView | undefined) ?? null;
    },
    async requeue(productId, endpointId, deliveryId, now) {
      const endpoint = db.select({ id: e.id }).from(e).where(ofEndpoint(productId, endpointId));
      const result = await db
        .update(d)
        .set({ status: "pending", attemptLimit: sql`${d.attempts} + 1`, nextAttemptAt: now, leaseToken: null, leaseUntil: null, updatedAt: now })
        .where(and(eq(d.id, deliveryId), inArray(d.endpointId, endpoint), eq(d.status, "failed")));
      return result.rowsAffected === 1;
    },
  };
}
