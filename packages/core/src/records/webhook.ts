/** An endpoint of one product. Times are epoch milliseconds. */
export interface WebhookEndpointRecord {
  id: string;
  productId: string;
  url: string;
  description: string | null;
  /** Event types, or ["*"] for all. */
  events: string[];
  enabled: boolean;
  /** The signing secret sealed by the SecretBox; never returned by the API. */
  secretSealed: string;
  /** Start of the current run of failed attempts; null after any success. */
  failingSince: number | null;
  /** Why the server switched it off (null when enabled, or disabled by a user). */
  disabledReason: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface WebhookAttemptRecord {
  id: string;
  deliveryId: string;
  endpointId: string;
  attempt: number;
  outcome: AttemptOutcome;
  statusCode: number | null;
  /** A short reason for failures (never a secret); null on success. */
  error: string | null;
  durationMs: number;
  /** The first bytes (≤ 1 KiB) of the response body, as text. */
  responseSnippet: string | null;
  createdAt: number;
}

export type AttemptOutcome = "success" | "http_error" | "timeout" | "connection_error" | "redirect" | "blocked_address" | "secret_unreadable" | "shutdown";
