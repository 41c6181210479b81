export { createGeckoguard, type Geckoguard } from "./create-geckoguard.ts";
export { RUNTIME_CHOICES, RUNTIME_DEFAULTS, type CreateGeckoguardOptions, type MailOptions, type SubscriptionClockSettings, type WebhookDeliveryOptions } from "./options.ts";
export { jsonLogger, LOG_LEVELS, type JsonLoggerOptions, type LogLevel } from "./json-logger.ts";
export { MIN_SECRET_BYTES } from "./secret-bytes.ts";
