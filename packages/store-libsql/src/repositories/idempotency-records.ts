import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { sha256Hex, type IdempotencyBeginResult, type IdempotencyRecordId, type IdempotencyStore } from "@geckoguard/core";
import type { Executor } from "../executor.ts";
import { idempotencyRecords as records } from "../schema/index.ts";

const recordId = (id: IdempotencyRecordId) => sha256Hex(`${id.scope}\n${id.key}`);
/** Rounds of claim-then-read before giving up; only a key released and re-taken in between needs a second. */
const BEGIN_ROUNDS = 3;

/**
 * Idempotency records every process on this database shares. A claim is one UPSERT that
 * only overwrites a row whose time is up, so of concurrent claims exactly one gets a row
 * back from RETURNING; the others read the record that won.
 */
export function libsqlIdempotencyStore(db: Executor): IdempotencyStore {
  return {
    async begin(id, claim, nowMs): Promise<IdempotencyBeginResult> {
      const key = recordId(id);
      const fresh = { fingerprint: claim.fingerprint, claimId: claim.claimId, status: null, body: null, expiresAt: claim.leaseUntilMs };
      for (let round = 0; round < BEGIN_ROUNDS; round++) {
        const claimed = await db
          .insert(records)
          .values({ id: key, ...fresh })
          .onConflictDoUpdate({ target: records.id, set: fresh, setWhere: sql`${records.expiresAt} <= ${nowMs}` })
          .returning({ id: records.id })
          .get();
        if (claimed !== undefined) return { state: "claimed" };
        const existing = await db.select().from(records).where(eq(records.id, key)).get();
        if (existing === undefined || existing.expiresAt <= nowMs) continue; // released or expired meanwhile
        if (existing.status === null) return { state: "in_progress", fingerprint: existing.fingerprint };
        return {
          state: "completed",
          fingerprint: existing.fingerprint,
          response: { status: existing.status, body: JSON.parse(existing.body ?? "null") as unknown },
        };
      }
      // The key keeps changing hands: tell the caller to retry, the safe answer.
      return { state: "in_progress", fingerprint: claim.fingerprint };
    },
    async complete(id, claimId, response, expiresAtMs) {
      await db
        .update(records)
        .set({ status: response.status, body: JSON.stringify(response.body ?? null), expiresAt: expiresAtMs })
        .where(and(eq(records.id, recordId(id)), eq(records.claimId, claimId), isNull(records.status)));
    },
    async release(id, claimId) {
      await db.delete(records).where(and(eq(records.id, recordId(id)), eq(records.claimId, claimId), isNull(records.status)));
    },
    async purgeExpired(nowMs) {
      const result = await db.delete(records).where(lte(records.expiresAt, nowMs));
      return result.rowsAffected;
    },
  };
}
