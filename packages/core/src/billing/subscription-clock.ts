import type { Clock } from "../clock.ts";
import type { Logger } from "../ports/logger.ts";
import type { Store } from "../ports/store.ts";
import { recordSubscriptionEvents } from "../webhooks/record-event.ts";
import { startPollLoop } from "../workers/poll-loop.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { systemOrigin } from "../audit/actor.ts";
import { recordAudits } from "../audit/record-audit.ts";
import { subscriptionAudit } from "./billing-access.ts";

/**
 * One batch: claims up to `batchSize` due subscriptions (a guarded UPDATE, so each is
 * claimed by one process only), freezes or expires their licenses and writes one
 * subscription.expired event each, all in one transaction. Returns how many it expired.
 */
export async function expireDueBatch(store: Store, now: number, batchSize: number): Promise<number> {
  return store.transaction(async (tx) => {
    const claimed = await tx.subscriptions.claimDue(now, batchSize);
    if (claimed.length === 0) return 0;
    const orgs = new Map<string, string>();
    for (const productId of new Set(claimed.map((s) => s.productId))) orgs.set(productId, (await tx.products.find(productId))?.orgId ?? "");
    const audits = claimed.filter((s) => orgs.get(s.productId) !== "").map((s) => subscriptionAudit("subscription.expired", orgs.get(s.productId)!, null, s));
    // One origin per batch: its request id ties the batch's entries together.
    await recordAudits(tx, systemOrigin("subscription_clock", uuidv7(now), "Subscription clock"), audits.map((a) => ({ ...a, changes: { status: [null, "expired"] } })), now);
    const events = claimed.map((s) => ({ subscription: s, extra: { license: s.licenseId === null ? null : s.licenseFrozenByBilling ? "frozen" : "expired" } }));
    await recordSubscriptionEvents(tx, "subscription.expired", events, now);
    return claimed.length;
  });
}

export interface SubscriptionClockOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** How often an idle clock looks for due subscriptions (an idle look only reads). */
  pollIntervalMs: number;
  /** Subscriptions per transaction; between batches the event loop runs requests. */
  batchSize: number;
}

export interface SubscriptionClock {
  /** Looks now instead of at the next poll (tests, after a bulk change). */
  kick(): void;
  stop(): Promise<void>;
}

/**
 * The server's subscription clock: moves subscriptions whose time is up to expired and
 * freezes (unpaid) or expires (canceled) their licenses. Restarts lose nothing (the due
 * time is a column), and several processes on one database share the work without
 * doing any of it twice (the claim is a guarded UPDATE).
 */
export function startSubscriptionClock(options: SubscriptionClockOptions): SubscriptionClock {
  const { store, clock, logger } = options;
  const loop = startPollLoop(async () => {
    try {
      if (!(await store.subscriptions.hasDue(clock.now()))) return;
      const started = performance.now();
      let total = 0;
      for (;;) {
        const expired = await expireDueBatch(store, clock.now(), options.batchSize);
        total += expired;
        if (expired < options.batchSize || !loop.running) break;
        await new Promise((resolve) => setTimeout(resolve, 0)); // let requests run between batches
      }
      if (total > 0) logger.info("subscriptions.expired", { count: total, ms: Math.round(performance.now() - started) });
    } catch (error) {
      logger.error("subscriptions.clock_failed", { errorClass: (error as { name?: string })?.name ?? typeof error });
    }
  }, options.pollIntervalMs);
  return { kick: () => loop.kick(), stop: () => loop.stop() };
}
