import { and, count, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { PlanRecord, PlanStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { plans } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";

const PRICE_TAKEN = "Another plan of this product is already sold as this externalPriceId";

export function libsqlPlans(db: Executor): PlanStore {
  return {
    async insert(plan) {
      await conflictOnDuplicate(PRICE_TAKEN, () => db.insert(plans).values(plan));
    },
    async find(productId, planId) {
      const row = await db.select().from(plans).where(and(eq(plans.productId, productId), eq(plans.id, planId))).get();
      return (row as PlanRecord | undefined) ?? null;
    },
    async findByExternalPrice(productId, externalPriceId) {
      const row = await db.select().from(plans).where(and(eq(plans.productId, productId), eq(plans.externalPriceId, externalPriceId))).get();
      return (row as PlanRecord | undefined) ?? null;
    },
    async list(productId, filter, page) {
      const archived = filter.archived === undefined ? undefined : filter.archived ? isNotNull(plans.archivedAt) : isNull(plans.archivedAt);
      const where = and(eq(plans.productId, productId), archived);
      const items = await db.select().from(plans).where(where).orderBy(desc(plans.id)).limit(page.limit).offset(page.offset);
      const total = (await db.select({ n: count() }).from(plans).where(where).get())?.n ?? 0;
      return { items: items as PlanRecord[], total };
    },
    async update(productId, planId, patch, now) {
      await conflictOnDuplicate(PRICE_TAKEN, () =>
        db
          .update(plans)
          .set({ ...patch, updatedAt: now })
          .where(and(eq(plans.productId, productId), eq(plans.id, planId))),
      );
    },
  };
}
