import { RUNTIME_DEFAULTS } from "@geckoguard/runtime";
import { flag, integer } from "./kinds.ts";

const defaults = RUNTIME_DEFAULTS.webhooks;

/** The webhook part of the settings table (docs/webhooks.md#configuration); defaults are the runtime's. */
export const WEBHOOK_SETTINGS = {
  allowHttpWebhooks: flag("GG_ALLOW_HTTP_WEBHOOKS", {
    group: "Webhooks",
    fallback: false,
    summary: "1: endpoint URLs may be http:// and resolve to loopback addresses; private, link-local and metadata addresses stay refused (development and tests only; logged as a warning at start)",
  }),
  webhookWorker: flag("GG_WEBHOOK_WORKER", {
    group: "Webhooks",
    fallback: defaults.worker,
    summary: "0: this process records events but does not deliver them (another process on the same database does)",
  }),
  webhookBackoffBaseMs: integer("GG_WEBHOOK_BACKOFF_BASE_MS", {
    group: "Webhooks",
    fallback: defaults.backoffBaseMs,
    min: 1,
    max: 3_600_000,
    summary: "wait before a delivery's 2nd attempt; doubled for each further one, with jitter, never over 16 minutes",
  }),
  webhookConcurrency: integer("GG_WEBHOOK_CONCURRENCY", {
    group: "Webhooks",
    fallback: defaults.concurrency,
    min: 1,
    max: 256,
    summary: "delivery attempts in flight per process (one endpoint gets at most a quarter of them)",
  }),
  webhookPollMs: integer("GG_WEBHOOK_POLL_MS", {
    group: "Webhooks",
    fallback: defaults.pollIntervalMs,
    min: 10,
    max: 60_000,
    summary: "how often an idle delivery worker looks for work (idle polls only read)",
  }),
  webhookDrainMs: integer("GG_WEBHOOK_DRAIN_MS", {
    group: "Webhooks",
    fallback: defaults.drainMs,
    min: 0,
    max: 60_000,
    summary: "on SIGTERM, how long delivery attempts in flight may finish before they are aborted (and retried later)",
  }),
};

export const WEBHOOK_SETTING_NAMES = Object.keys(WEBHOOK_SETTINGS) as (keyof typeof WEBHOOK_SETTINGS)[];
