import { silentLogger, startWebhookWorker, type GgContext, type Logger, type WebhookWorker } from "@geckoguard/core";
import { fetchSender } from "@geckoguard/drivers";
import type { WebhookConfig } from "./config.ts";

/** The delivery worker of this process, or null when GG_WEBHOOK_WORKER=0 (another process delivers). */
export function startWebhookDelivery(context: GgContext, config: WebhookConfig, logger: Logger = silentLogger): WebhookWorker | null {
  if (!config.worker || context.webhooks === undefined) return null;
  return startWebhookWorker({
    store: context.store,
    clock: context.clock,
    logger,
    secrets: context.webhooks.secrets,
    urlPolicy: context.webhooks.urlPolicy,
    send: fetchSender,
    backoffBaseMs: config.backoffBaseMs,
    random: Math.random,
    pollIntervalMs: config.pollIntervalMs,
    concurrency: config.concurrency,
  });
}
