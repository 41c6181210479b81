import { startWebhookWorker, type GgContext, type Logger, type WebhookDeliveryObserver, type WebhookWorker } from "@geckoguard/core";
import { fetchSender } from "@geckoguard/drivers";
import type { CreateGeckoguardOptions, WebhookDeliveryOptions } from "./options.ts";

/** The delivery worker of this process, or null when turned off (another process on the same database delivers). */
export function startWebhookDelivery(
  context: GgContext,
  settings: WebhookDeliveryOptions,
  options: Pick<CreateGeckoguardOptions, "sendWebhook"> & { observer?: WebhookDeliveryObserver },
  logger: Logger,
): WebhookWorker | null {
  if (!settings.worker || context.webhooks === undefined) return null;
  return startWebhookWorker({
    store: context.store,
    clock: context.clock,
    logger,
    secrets: context.webhooks.secrets,
    urlPolicy: context.webhooks.urlPolicy,
    send: options.sendWebhook ?? fetchSender,
    backoffBaseMs: settings.backoffBaseMs,
    random: Math.random,
    pollIntervalMs: settings.pollIntervalMs,
    concurrency: settings.concurrency,
    ...(options.observer ? { observer: options.observer } : {}),
  });
}
