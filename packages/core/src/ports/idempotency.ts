/** The answer kept for replay: status and the JSON body as the client received it. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/** One Idempotency-Key of one credential. */
export interface IdempotencyRecordId {
  /** Who may replay it: `user:<id>`, `key:<apiKeyId>` or `ip:<address>` (public routes). */
  scope: string;
  key: string;
}

export type IdempotencyBeginResult =
  | { state: "claimed" }
  | { state: "in_progress"; fingerprint: string }
  | { state: "completed"; fingerprint: string; response: StoredResponse };

/**
 * Idempotency records: in this process (the embedded default) or in a store every
 * server process shares. Times are epoch milliseconds.
 */
export interface IdempotencyStore {
  /**
   * Claims the key for one request: atomically creates an in-progress record (its
   * fingerprint and claimId, held until `leaseUntilMs`) unless a live record exists, and
   * otherwise reports that record. Of concurrent begins on one key (from every process
   * sharing the store) exactly one is "claimed". A record whose time is up (a completed
   * one past retention, an in-progress one past its lease) counts as absent.
   */
  begin(
    id: IdempotencyRecordId,
    claim: { fingerprint: string; claimId: string; leaseUntilMs: number },
    nowMs: number,
  ): Promise<IdempotencyBeginResult>;
  /**
   * Stores the answer of the claim and keeps it until `expiresAtMs`. Does nothing when
   * the claim is no longer held (its lease ran out and another request took the key).
   */
  complete(id: IdempotencyRecordId, claimId: string, response: StoredResponse, expiresAtMs: number): Promise<void>;
  /** Drops the claim's in-progress record so the key can be used again; nothing else. */
  release(id: IdempotencyRecordId, claimId: string): Promise<void>;
  /** Deletes every record whose time is up at `nowMs`; returns how many. */
  purgeExpired(nowMs: number): Promise<number>;
}
