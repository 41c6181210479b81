import { and, asc, inArray, isNotNull, isNull, lt, notExists, sql } from "drizzle-orm";
import { subscribesTo, uuidv7, type OutboxEventDraft, type OutboxEventStore } from "@geckoguard/core";
import type { Executor } from "../executor.ts";
import { webhookDeliveries, webhookEvents } from "../schema/index.ts";
import type { SubscriptionCache } from "./webhook-subscriptions.ts";

/** 8 columns × 500 rows: far below SQLite's bound-variable limit. */
const INSERT_CHUNK = 500;
const PRUNE_BATCH = 1000;

export function libsqlOutboxEvents(db: Executor, subscriptions: SubscriptionCache): OutboxEventStore {
  /** Drops events no enabled endpoint wants (most products have no webhooks: no write at all). */
  async function wanted(drafts: OutboxEventDraft[]): Promise<OutboxEventDraft[]> {
    const kept: OutboxEventDraft[] = [];
    for (const draft of drafts) {
      if (draft.endpointId !== undefined) {
        kept.push(draft);
        continue;
      }
      const target = draft.productId !== undefined ? { productId: draft.productId } : { orgId: draft.orgId! };
      const subscribed = await subscriptions.lookup(db, target);
      if (subscribed.some((events) => subscribesTo(events, draft.type))) kept.push(draft);
    }
    return kept;
  }

  const store: OutboxEventStore = {
    record: (productId, type, data, now) => store.recordMany([{ productId, type, data }], now),
    recordForOrg: (orgId, type, data, now) => store.recordMany([{ orgId, type, data }], now),
    async recordMany(drafts, now) {
      const rows = (await wanted(drafts)).map((draft) => ({
        id: draft.id ?? uuidv7(now),
        productId: draft.productId ?? null,
        orgId: draft.productId === undefined ? (draft.orgId ?? null) : null,
        endpointId: draft.endpointId ?? null,
        type: draft.type,
        data: JSON.stringify(draft.data),
        createdAt: now,
        fannedOutAt: null,
      }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await db.insert(webhookEvents).values(rows.slice(i, i + INSERT_CHUNK));
    },
    async claimForFanOut(limit, now) {
      const backlog = db.select({ id: webhookEvents.id }).from(webhookEvents).where(isNull(webhookEvents.fannedOutAt)).orderBy(asc(webhookEvents.id)).limit(limit);
      const claimed = await db
        .update(webhookEvents)
        .set({ fannedOutAt: now })
        .where(and(inArray(webhookEvents.id, backlog), isNull(webhookEvents.fannedOutAt)))
        .returning({
          id: webhookEvents.id,
          productId: webhookEvents.productId,
          orgId: webhookEvents.orgId,
          endpointId: webhookEvents.endpointId,
          type: webhookEvents.type,
          data: webhookEvents.data,
          createdAt: webhookEvents.createdAt,
        });
      return claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async hasBacklog() {
      const row = await db.select({ id: webhookEvents.id }).from(webhookEvents).where(isNull(webhookEvents.fannedOutAt)).limit(1).get();
      return row !== undefined;
    },
    async pruneBefore(cutoff) {
      const stillPending = db
        .select({ one: sql`1` })
        .from(webhookDeliveries)
        .where(and(sql`${webhookDeliveries.eventId} = ${webhookEvents.id}`, sql`${webhookDeliveries.status} = 'pending'`));
      const old = db
        .select({ id: webhookEvents.id })
        .from(webhookEvents)
        .where(and(lt(webhookEvents.createdAt, cutoff), isNotNull(webhookEvents.fannedOutAt), notExists(stillPending)))
        .limit(PRUNE_BATCH);
      return (await db.delete(webhookEvents).where(inArray(webhookEvents.id, old))).rowsAffected;
    },
  };
  return store;
}
