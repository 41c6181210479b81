import { randomUUID } from "node:crypto";
import type { ClaimedDelivery } from "../ports/webhooks.ts";
import { fanOutEvents } from "./fan-out.ts";
import { attemptDelivery, type DeliveryDeps } from "./attempt-delivery.ts";
import { recordAttempts, type FinishedAttempt } from "./record-attempts.ts";
import { DELIVERY_TIMEOUT_MS } from "./webhook-sender.ts";
import { logRecordedAttempt, type WebhookDeliveryObserver } from "./delivery-report.ts";
import { startPollLoop } from "../workers/poll-loop.ts";

export interface WebhookWorkerOptions extends DeliveryDeps {
  /** Idle poll period; a busy worker claims again as soon as a delivery finishes. */
  pollIntervalMs: number;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** Events and their delivery logs are kept this long, then pruned. */
  retentionMs?: number;
  /** Told about each written outcome (the runtime's /metrics counters); outcomes are logged either way. */
  observer?: WebhookDeliveryObserver;
}

export interface WebhookWorker {
  /** Stops claiming, waits up to `drainMs` for attempts in flight, aborts the rest (logged as "shutdown", retried later), writes every outcome. */
  stop(drainMs: number): Promise<void>;
}

/** A lease outlives any attempt (10 s timeout) by a wide margin; a crashed worker's deliveries are retried once it runs out. */
const LEASE_MS = DELIVERY_TIMEOUT_MS * 3;
const PRUNE_EVERY_MS = 3_600_000;
const DEFAULT_RETENTION_MS = 30 * 86_400_000;

const errorClass = (error: unknown) => (error as { name?: string })?.name ?? typeof error;

/**
 * The delivery loop: fan out the outbox, lease due deliveries with one guarded UPDATE
 * (several processes on one database never send the same attempt twice), send them
 * with bounded concurrency (and at most a quarter of the slots per endpoint, so a
 * hanging receiver cannot starve the others), and write outcomes in one transaction per
 * tick. Idle polls only read, so an idle worker never takes the database's write lock.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { store, clock, logger } = options;
  const inFlight = new Set<Promise<void>>();
  /** Attempts in flight per endpoint: a hanging receiver holds at most `endpointLimit` slots. */
  const perEndpoint = new Map<string, number>();
  const endpointLimit = Math.max(1, Math.ceil(options.concurrency / 4));
  /** Outcomes not yet written; their deliveries stay leased until they are. */
  let finished: FinishedAttempt[] = [];
  const shutdown = new AbortController();
  let lastPrune = clock.now();

  async function writeOutcomes(): Promise<void> {
    if (finished.length === 0) return;
    const batch = finished;
    finished = [];
    let written: Awaited<ReturnType<typeof recordAttempts>>;
    try {
      written = await recordAttempts(store, batch, options);
    } catch (error) {
      finished = [...batch, ...finished]; // written on the next tick (within the lease)
      throw error;
    }
    // Reported once committed: a rolled-back batch is retried and reported then.
    for (const attempt of written.recorded) {
      logRecordedAttempt(logger, attempt);
      options.observer?.attemptRecorded(attempt);
    }
    for (const endpoint of written.disabled) {
      logger.warn("webhook.endpoint_disabled", { endpointId: endpoint.id, productId: endpoint.productId });
      options.observer?.endpointDisabled(endpoint);
    }
  }

  async function fanOut(): Promise<void> {
    while (loop.running && (await store.events.hasBacklog())) {
      await fanOutEvents(store, clock.now());
      await new Promise((resolve) => setTimeout(resolve, 0)); // let requests run between batches
    }
  }

  /** Claims while slots are free; an endpoint with `endpointLimit` attempts in flight is skipped. */
  async function claim(): Promise<void> {
    while (loop.running && inFlight.size < options.concurrency) {
      const now = clock.now();
      if (!(await store.webhookDeliveries.hasDue(now))) return;
      const busy = [...perEndpoint].filter(([, n]) => n >= endpointLimit).map(([id]) => id);
      const lease = { token: randomUUID(), until: now + LEASE_MS };
      const claimed = await store.webhookDeliveries.claimDue(options.concurrency - inFlight.size, lease, now, busy);
      if (claimed.length === 0) return;
      for (const delivery of claimed) start(delivery);
    }
  }

  function start(delivery: ClaimedDelivery): void {
    const endpointId = delivery.endpoint.id;
    perEndpoint.set(endpointId, (perEndpoint.get(endpointId) ?? 0) + 1);
    const attempt = attemptDelivery(options, delivery, shutdown.signal)
      .then((report) => void finished.push({ claimed: delivery, report, at: clock.now() }))
      .catch((error) => logger.error("webhook.delivery_error", { deliveryId: delivery.id, errorClass: errorClass(error) })) // the lease runs out; retried
      .finally(() => {
        inFlight.delete(attempt);
        const left = (perEndpoint.get(endpointId) ?? 1) - 1;
        if (left === 0) perEndpoint.delete(endpointId);
        else perEndpoint.set(endpointId, left);
        loop.kick(); // write the outcome and fill the slot now
      });
    inFlight.add(attempt);
  }

  async function prune(): Promise<void> {
    const now = clock.now();
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    const removed = await store.events.pruneBefore(now - (options.retentionMs ?? DEFAULT_RETENTION_MS));
    if (removed > 0) logger.info("webhook.events_pruned", { removed });
  }

  async function tick(): Promise<void> {
    try {
      await writeOutcomes();
      if (!loop.running) return;
      await fanOut();
      await claim();
      await prune();
    } catch (error) {
      logger.error("webhook.worker_error", { errorClass: errorClass(error) });
    }
  }

  const loop = startPollLoop(tick, options.pollIntervalMs);
  return {
    async stop(drainMs) {
      await loop.stop();
      const all = Promise.allSettled([...inFlight]);
      let deadline: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<false>((resolve) => (deadline = setTimeout(() => resolve(false), drainMs)));
      const drained = await Promise.race([all.then(() => true), late]);
      clearTimeout(deadline);
      if (!drained) {
        shutdown.abort();
        await all;
      }
      await writeOutcomes().catch((error) => logger.error("webhook.worker_error", { errorClass: errorClass(error) }));
    },
  };
}
