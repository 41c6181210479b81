import { and, count, desc, eq, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import type { SubscriptionFilter, SubscriptionRecord, SubscriptionStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { licenses, subscriptions } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";
import { chunks } from "../chunks.ts";

const EXTERNAL_TAKEN = "Another subscription of this product is linked to this external subscription";

function filterCondition(productId: string, filter: SubscriptionFilter): SQL {
  return and(
    eq(subscriptions.productId, productId),
    filter.status === undefined ? undefined : eq(subscriptions.status, filter.status),
    filter.planId === undefined ? undefined : eq(subscriptions.planId, filter.planId),
    filter.endUserId === undefined ? undefined : eq(subscriptions.endUserId, filter.endUserId),
  )!;
}

const rowOf = (row: unknown) => (row as SubscriptionRecord | undefined) ?? null;

export function libsqlSubscriptions(db: Executor): SubscriptionStore {
  return {
    async insert(subscription) {
      await conflictOnDuplicate(EXTERNAL_TAKEN, () => db.insert(subscriptions).values(subscription));
    },
    async find(productId, id) {
      return rowOf(await db.select().from(subscriptions).where(and(eq(subscriptions.productId, productId), eq(subscriptions.id, id))).get());
    },
    async findByExternalId(productId, externalId) {
      return rowOf(await db.select().from(subscriptions).where(and(eq(subscriptions.productId, productId), eq(subscriptions.externalSubscriptionId, externalId))).get());
    },
    async findLiveByLicense(productId, licenseId) {
      const where = and(eq(subscriptions.productId, productId), eq(subscriptions.licenseId, licenseId), ne(subscriptions.status, "expired"));
      return rowOf(await db.select().from(subscriptions).where(where).get());
    },
    async list(productId, filter, page) {
      const where = filterCondition(productId, filter);
      const items = await db.select().from(subscriptions).where(where).orderBy(desc(subscriptions.id)).limit(page.limit).offset(page.offset);
      const total = (await db.select({ n: count() }).from(subscriptions).where(where).get())?.n ?? 0;
      return { items: items as SubscriptionRecord[], total };
    },
    async replace(next, expectedRevision) {
      const { id, productId, createdAt, ...fields } = next;
      void createdAt;
      const result = await conflictOnDuplicate(EXTERNAL_TAKEN, () =>
        db
          .update(subscriptions)
          .set(fields)
          .where(and(eq(subscriptions.id, id), eq(subscriptions.productId, productId), eq(subscriptions.revision, expectedRevision))),
      );
      return result.rowsAffected === 1;
    },
    async claimDue(now, limit) {
      const due = db.select({ id: subscriptions.id }).from(subscriptions).where(lte(subscriptions.dueAt, now)).orderBy(subscriptions.dueAt).limit(limit);
      const claimed = (await db
        .update(subscriptions)
        .set({
          status: "expired",
          dueAt: null,
          dueAction: null,
          licenseFrozenByBilling: sql`${subscriptions.dueAction} = 'freeze'`,
          revision: sql`${subscriptions.revision} + 1`,
          updatedAt: now,
        })
        // The guard: a row another process claimed meanwhile has due_at NULL and no longer matches.
        .where(and(lte(subscriptions.dueAt, now), inArray(subscriptions.id, due)))
        .returning()) as SubscriptionRecord[];
      await lapseLicenses(db, claimed, now);
      return claimed;
    },
    async hasDue(now) {
      const row = await db.select({ one: sql<number>`1` }).from(subscriptions).where(lte(subscriptions.dueAt, now)).limit(1).get();
      return row !== undefined;
    },
  };
}

/**
 * Freezes the licenses of unpaid subscriptions (only those not already frozen: a
 * vendor's own freeze is theirs to lift, so the subscription does not claim it) and ends
 * the licenses of canceled ones at `now` at the latest.
 */
async function lapseLicenses(db: Executor, claimed: SubscriptionRecord[], now: number): Promise<void> {
  const freeze = claimed.filter((s) => s.licenseFrozenByBilling && s.licenseId !== null);
  const expire = claimed.filter((s) => !s.licenseFrozenByBilling && s.licenseId !== null).map((s) => s.licenseId!);
  for (const chunk of chunks(freeze, 500)) {
    const frozen = await db
      .update(licenses)
      .set({ frozen: true, frozenAt: now, updatedAt: now })
      .where(and(inArray(licenses.id, chunk.map((s) => s.licenseId!)), eq(licenses.frozen, false)))
      .returning({ id: licenses.id });
    const ours = new Set(frozen.map((row) => row.id));
    const notOurs = chunk.filter((s) => !ours.has(s.licenseId!));
    for (const s of notOurs) s.licenseFrozenByBilling = false;
    if (notOurs.length > 0) await db.update(subscriptions).set({ licenseFrozenByBilling: false }).where(inArray(subscriptions.id, notOurs.map((s) => s.id)));
  }
  for (const chunk of chunks(expire, 500)) {
    await db
      .update(licenses)
      .set({ expiresAt: sql`min(coalesce(${licenses.expiresAt}, ${now}), ${now})`, updatedAt: now })
      .where(inArray(licenses.id, chunk));
  }
}
