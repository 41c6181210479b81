import { and, inArray, lt, notExists, sql } from "drizzle-orm";
import { subscribesTo, uuidv7, type LoggedEvent, type OutboxEvent, type OutboxEventDraft, type OutboxEventStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { webhookDeliveries, webhookEvents, webhookOutbox } from "../../schema/index.ts";
import { subscriptionsOf } from "./webhook-subscriptions.ts";
import { packEvents, unpackEvents } from "./outbox-batch.ts";
import { chunks } from "../chunks.ts";

/** Events per outbox row: small enough that fanning one row out stays a short transaction. */
const EVENTS_PER_ROW = 100;
/** 6 columns × 500 rows: far below SQLite's bound-variable limit. */
const INSERT_CHUNK = 500;
const PRUNE_BATCH = 1000;

/** The smallest UUIDv7 prefix at `ms`: every event id created before it sorts below it. */
function idPrefixAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

/** Drafts with the same audience, in order, cut into rows of at most EVENTS_PER_ROW. */
function intoRows(drafts: OutboxEventDraft[]): OutboxEventDraft[][] {
  const groups = new Map<string, OutboxEventDraft[][]>();
  for (const draft of drafts) {
    const key = `${draft.productId ?? ""}|${draft.orgId ?? ""}|${draft.endpointId ?? ""}`;
    const rows = groups.get(key) ?? groups.set(key, [[]]).get(key)!;
    if (rows.at(-1)!.length === EVENTS_PER_ROW) rows.push([]);
    rows.at(-1)!.push(draft);
  }
  return [...groups.values()].flat();
}

export function libsqlOutboxEvents(db: Executor): OutboxEventStore {
  /** Drops events no enabled endpoint wants (most products have no webhooks: one indexed read, no write). */
  async function wanted(drafts: OutboxEventDraft[]): Promise<OutboxEventDraft[]> {
    const audience = (d: OutboxEventDraft) => (d.productId !== undefined ? `p:${d.productId}` : `o:${d.orgId}`);
    const lookups = new Map<string, string[][]>();
    for (const draft of drafts) {
      const key = audience(draft);
      if (draft.endpointId !== undefined || lookups.has(key)) continue;
      lookups.set(key, await subscriptionsOf(db, draft.productId !== undefined ? { productId: draft.productId } : { orgId: draft.orgId! }));
    }
    return drafts.filter((d) => d.endpointId !== undefined || lookups.get(audience(d))!.some((events) => subscribesTo(events, d.type)));
  }

  const store: OutboxEventStore = {
    record: (productId, type, data, now) => store.recordMany([{ productId, type, data }], now),
    recordForOrg: (orgId, type, data, now) => store.recordMany([{ orgId, type, data }], now),
    async recordMany(drafts, now) {
      const rows = intoRows(await wanted(drafts)).map((batch) => ({
        id: uuidv7(now),
        productId: batch[0]!.productId ?? null,
        orgId: batch[0]!.productId === undefined ? (batch[0]!.orgId ?? null) : null,
        endpointId: batch[0]!.endpointId ?? null,
        eventCount: batch.length,
        events: packEvents(batch),
        createdAt: now,
      }));
      if (rows.length > 0) await db.insert(webhookOutbox).values(rows);
    },
    async takeForFanOut(maxEvents) {
      // Whole rows, oldest first, until about maxEvents events (at least one row).
      const rows = sql`SELECT id FROM (
          SELECT id, event_count, sum(event_count) OVER (ORDER BY id) AS running FROM ${webhookOutbox} ORDER BY id LIMIT 100
        ) WHERE running - event_count < ${maxEvents}`;
      // The DELETE is the claim: of concurrent callers exactly one gets (and removes) each row.
      const taken = await db.delete(webhookOutbox).where(sql`${webhookOutbox.id} IN (${rows})`).returning();
      const events: OutboxEvent[] = taken
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .flatMap((row) =>
          unpackEvents(row.events, row.createdAt).map((e) => ({ ...e, productId: row.productId, orgId: row.orgId, endpointId: row.endpointId, createdAt: row.createdAt })),
        );
      return events;
    },
    async logEvents(events: LoggedEvent[]) {
      for (const chunk of chunks(events, INSERT_CHUNK)) await db.insert(webhookEvents).values(chunk);
    },
    async hasBacklog() {
      return (await db.select({ id: webhookOutbox.id }).from(webhookOutbox).limit(1).get()) !== undefined;
    },
    async pruneBefore(cutoff) {
      const stillPending = db
        .select({ one: sql`1` })
        .from(webhookDeliveries)
        .where(and(sql`${webhookDeliveries.eventId} = ${webhookEvents.id}`, sql`${webhookDeliveries.status} = 'pending'`));
      const old = db
        .select({ id: webhookEvents.id })
        .from(webhookEvents)
        .where(and(lt(webhookEvents.id, idPrefixAt(cutoff)), notExists(stillPending)))
        .limit(PRUNE_BATCH);
      return (await db.delete(webhookEvents).where(inArray(webhookEvents.id, old))).rowsAffected;
    },
  };
  return store;
}
