import { and, eq, inArray } from "drizzle-orm";
import type { Clock } from "@geckoguard/core";
import type { Executor } from "../executor.ts";
import { products, webhookEndpoints } from "../schema/index.ts";

/** What the enabled endpoints of a product (or of every product of an org) subscribe to. */
export type Subscriptions = string[][];

/**
 * Remembers, for one second, which event types a product's endpoints want, so the hot
 * paths that record events (authorize opening sessions, bulk writes) do not query the
 * endpoints every time. An endpoint created, changed or deleted in this process clears
 * it at once; one changed by another process is seen within the second.
 */
export interface SubscriptionCache {
  lookup(db: Executor, target: { productId: string } | { orgId: string }): Promise<Subscriptions>;
  clear(): void;
}

const TTL_MS = 1000;

export function subscriptionCache(clock: Clock): SubscriptionCache {
  const entries = new Map<string, { at: number; subscriptions: Subscriptions }>();
  return {
    async lookup(db, target) {
      const key = "productId" in target ? `p:${target.productId}` : `o:${target.orgId}`;
      const now = clock.now();
      const cached = entries.get(key);
      if (cached !== undefined && now - cached.at < TTL_MS) return cached.subscriptions;
      const enabled = eq(webhookEndpoints.enabled, true);
      const rows =
        "productId" in target
          ? await db.select({ events: webhookEndpoints.events }).from(webhookEndpoints).where(and(eq(webhookEndpoints.productId, target.productId), enabled))
          : await db
              .select({ events: webhookEndpoints.events })
              .from(webhookEndpoints)
              .where(and(inArray(webhookEndpoints.productId, db.select({ id: products.id }).from(products).where(eq(products.orgId, target.orgId))), enabled));
      const subscriptions = rows.map((row) => JSON.parse(row.events) as string[]);
      if (entries.size > 10_000) entries.clear(); // bounded: many products, rarely re-read
      entries.set(key, { at: now, subscriptions });
      return subscriptions;
    },
    clear: () => entries.clear(),
  };
}
