import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { AttemptOutcome, WebhookDeliveryStore } from "@geckoguard/core";
import { chunks } from "../chunks.ts";

/** 11 columns × 200 rows: well under SQLite's bound-variable limit. */
const INSERT_CHUNK = 200;
import type { Executor } from "../../connection/executor.ts";
import { webhookAttempts as a, webhookDeliveries as d, webhookEndpoints as e, webhookEvents as ev } from "../../schema/index.ts";

/** The attempt log: one row per HTTP attempt, listed per endpoint of a product. */
export function libsqlWebhookAttempts(db: Executor): Pick<WebhookDeliveryStore, "insertAttempts" | "listAttempts"> {
  return {
    async insertAttempts(attempts) {
      for (const chunk of chunks(attempts, INSERT_CHUNK)) await db.insert(a).values(chunk);
    },
    async listAttempts(productId, endpointId, filter, page) {
      const conditions: SQL[] = [eq(e.id, endpointId), eq(e.productId, productId)];
      if (filter.deliveryId !== undefined) conditions.push(eq(a.deliveryId, filter.deliveryId));
      const where = and(...conditions);
      const rows = await db
        .select({ attempt: a, eventId: d.eventId, eventType: ev.type })
        .from(a)
        .innerJoin(e, eq(e.id, a.endpointId))
        .innerJoin(d, eq(d.id, a.deliveryId))
        .innerJoin(ev, eq(ev.id, d.eventId))
        .where(where)
        .orderBy(desc(a.createdAt), desc(a.attempt), desc(a.id))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db.select({ n: count() }).from(a).innerJoin(e, eq(e.id, a.endpointId)).where(where);
      return {
        items: rows.map((row) => ({ ...row.attempt, outcome: row.attempt.outcome as AttemptOutcome, eventId: row.eventId, eventType: row.eventType })),
        total: total?.n ?? 0,
      };
    },
  };
}
