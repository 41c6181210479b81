import { statusClassOf, type WebhookDeliveryObserver, type WebhookDeliveryStore } from "@geckoguard/core";
import { Counter, Gauge } from "./metric-families.ts";
import type { HttpMetrics } from "./metrics.ts";

/**
 * Webhook delivery series (docs/observability.md#get-metrics): counted by this process's
 * worker as it writes outcomes; the queue depth is read from the database at each scrape,
 * so it is the deployment's. `failed` counts failed attempts; `retried` those of them
 * with another attempt scheduled, so failed − retried is the deliveries given up.
 */
export function webhookMetrics(metrics: HttpMetrics, deliveries: Pick<WebhookDeliveryStore, "countPending">): WebhookDeliveryObserver {
  const delivered = new Counter("geckoguard_webhook_delivered_total", "Webhook deliveries answered with a 2xx by their endpoint.");
  const failed = new Counter("geckoguard_webhook_failed_total", "Failed webhook delivery attempts, by status class (2xx-5xx, or timeout, connection_error, …).", []);
  const retried = new Counter("geckoguard_webhook_retried_total", "Failed webhook attempts after which another attempt was scheduled.");
  const disabled = new Counter("geckoguard_webhook_endpoints_disabled_total", "Webhook endpoints switched off after failing for three days.");
  const queue = new Gauge("geckoguard_webhook_queue_depth", "Pending webhook deliveries in the database (due now or waiting for a retry), every process's.", () =>
    deliveries.countPending(),
  );
  for (const source of [delivered, failed, retried, disabled, queue]) metrics.register(source);
  return {
    attemptRecorded({ report, result }) {
      if (result.status === "delivered") return delivered.inc();
      failed.inc({ status_class: statusClassOf(report) });
      if (result.status === "pending") retried.inc();
    },
    endpointDisabled() {
      disabled.inc();
    },
  };
}
