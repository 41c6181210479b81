import { GgError } from "../errors/gg-error.ts";
import type { IdempotencyBeginResult, StoredResponse } from "../ports/idempotency.ts";
import { sameFingerprint } from "./fingerprint.ts";

export type IdempotencyVerdict = { kind: "proceed" } | { kind: "replay"; response: StoredResponse };

/**
 * What a begin means for this request: run it, replay the stored answer, or refuse. A
 * different request under a used key is refused whether or not the first one finished.
 */
export function idempotencyVerdict(result: IdempotencyBeginResult, fingerprint: string): IdempotencyVerdict {
  if (result.state === "claimed") return { kind: "proceed" };
  if (!sameFingerprint(result.fingerprint, fingerprint)) {
    throw new GgError("IDEMPOTENCY_KEY_REUSE", "This Idempotency-Key was already used for a different request");
  }
  if (result.state === "in_progress") {
    throw new GgError("IDEMPOTENCY_KEY_IN_PROGRESS", "A request with this Idempotency-Key is still in progress; retry shortly");
  }
  return { kind: "replay", response: result.response };
}
