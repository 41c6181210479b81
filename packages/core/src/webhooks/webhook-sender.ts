import type { AttemptReport } from "./delivery-outcome.ts";

/** Each attempt gets this long, reading the response included (10 s: docs/webhooks.md#guarantees-and-how-they-are-kept). */
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface SendRequest {
  /** The endpoint's URL, as configured. */
  url: URL;
  /** The checked address to connect to (the host name is not resolved again). */
  address: string;
  headers: Record<string, string>;
  body: string;
  /** Aborts the attempt when the worker shuts down. */
  shutdown: AbortSignal;
  timeoutMs?: number;
}

/**
 * Delivers one attempt and reports how it went (never throws). The adapter
 * (fetch, pinned to the checked address, in @geckoguard/drivers) lives outside core.
 */
export type WebhookSender = (request: SendRequest) => Promise<AttemptReport>;
