import { eq } from "drizzle-orm";
import type { BillingStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { stripeEvents, stripeSettings } from "../../schema/index.ts";

export function libsqlBilling(db: Executor): BillingStore {
  return {
    async setStripeSecret(productId, sealedSecret, now) {
      await db
        .insert(stripeSettings)
        .values({ productId, webhookSecretSealed: sealedSecret, updatedAt: now })
        .onConflictDoUpdate({ target: stripeSettings.productId, set: { webhookSecretSealed: sealedSecret, updatedAt: now } });
    },
    async stripeSecret(productId) {
      const row = await db.select({ sealed: stripeSettings.webhookSecretSealed }).from(stripeSettings).where(eq(stripeSettings.productId, productId)).get();
      return row?.sealed ?? null;
    },
    async recordStripeEvent(productId, eventId, type, now) {
      const inserted = await db.insert(stripeEvents).values({ productId, eventId, type, receivedAt: now }).onConflictDoNothing().returning({ eventId: stripeEvents.eventId });
      return inserted.length === 1;
    },
  };
}
