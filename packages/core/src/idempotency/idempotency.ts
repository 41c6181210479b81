import type { Clock } from "../clock.ts";
import type { Logger } from "../ports/logger.ts";
import type { IdempotencyRecordId, IdempotencyStore, StoredResponse } from "../ports/idempotency.ts";
import { randomToken } from "../crypto/random.ts";
import { requestFingerprint } from "./fingerprint.ts";
import { assertIdempotencyKey } from "./key.ts";
import { idempotencyVerdict } from "./verdict.ts";

/** A key replays for 24 hours (docs/authentication.md#idempotency). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600_000;
/** How long a crashed request can hold its key before another may take it over. */
export const IDEMPOTENCY_LEASE_MS = 5 * 60_000;
const PURGE_EVERY_MS = 10 * 60_000;

export interface IdempotentRequest {
  scope: string;
  key: string;
  method: string;
  /** Path and query as the client sent them. */
  path: string;
  /** The raw body text ("" when there is none). */
  body: string;
}

/** A key this request holds until `finish`. */
export interface IdempotencyClaim {
  id: IdempotencyRecordId;
  claimId: string;
}

export type IdempotencyStart = { kind: "proceed"; claim: IdempotencyClaim } | { kind: "replay"; response: StoredResponse };

export interface Idempotency {
  /**
   * Before running a keyed request: claims its key, or answers the stored response, or
   * throws VALIDATION_ERROR (bad key), IDEMPOTENCY_KEY_REUSE or IDEMPOTENCY_KEY_IN_PROGRESS.
   */
  start(request: IdempotentRequest): Promise<IdempotencyStart>;
  /**
   * After it ran: keeps the answer for replay, or, for a status ≥ 500 or an answer that
   * cannot be kept (null), releases the key so a retry runs again.
   */
  finish(claim: IdempotencyClaim, response: StoredResponse | null): Promise<void>;
}

export interface IdempotencyOptions {
  store: IdempotencyStore;
  clock: Clock;
  /** Key of the request fingerprints; every process sharing a store must use the same. */
  fingerprintSecret: string | Uint8Array;
  logger?: Logger;
}

export function createIdempotency(options: IdempotencyOptions): Idempotency {
  const { store, clock, logger } = options;
  // Claim ids only need to be unique, not secret: a random prefix per process and a counter.
  const claimPrefix = randomToken(9);
  let claims = 0;
  let lastPurgeMs = clock.now();

  function purgeNowAndThen(now: number): void {
    if (now - lastPurgeMs < PURGE_EVERY_MS) return;
    lastPurgeMs = now;
    store.purgeExpired(now).catch((error: unknown) => logger?.warn("idempotency.purge_failed", { errorClass: (error as Error)?.name }));
  }

  return {
    async start(request) {
      assertIdempotencyKey(request.key);
      const now = clock.now();
      purgeNowAndThen(now);
      const id = { scope: request.scope, key: request.key };
      const fingerprint = requestFingerprint(options.fingerprintSecret, request.method, request.path, request.body);
      const claimId = `${claimPrefix}.${++claims}`;
      const result = await store.begin(id, { fingerprint, claimId, leaseUntilMs: now + IDEMPOTENCY_LEASE_MS }, now);
      const verdict = idempotencyVerdict(result, fingerprint);
      return verdict.kind === "proceed" ? { kind: "proceed", claim: { id, claimId } } : verdict;
    },
    async finish(claim, response) {
      try {
        if (response === null || response.status >= 500) await store.release(claim.id, claim.claimId);
        else await store.complete(claim.id, claim.claimId, response, clock.now() + IDEMPOTENCY_RETENTION_MS);
      } catch (error) {
        // The client still gets its answer; the key stays claimed until its lease ends,
        // so a quick retry is told "in progress" rather than run twice.
        logger?.error("idempotency.finish_failed", { errorClass: (error as Error)?.name });
      }
    },
  };
}
