import type { IdempotencyStore, StoredResponse } from "../ports/idempotency.ts";

interface MemoryRecord {
  fingerprint: string;
  claimId: string;
  response: StoredResponse | null;
  expiresAtMs: number;
}

/**
 * Idempotency records in a Map of this process: the embedded default. Every method runs
 * without yielding to the event loop, which makes it atomic here. Answers are kept as
 * the objects the routes returned (never mutated afterwards), so nothing is serialised.
 */
export function inProcessIdempotencyStore(): IdempotencyStore {
  const records = new Map<string, MemoryRecord>();
  const mapKey = (id: { scope: string; key: string }) => `${id.scope}\n${id.key}`;
  return {
    async begin(id, claim, nowMs) {
      const existing = records.get(mapKey(id));
      if (existing === undefined || existing.expiresAtMs <= nowMs) {
        records.set(mapKey(id), { fingerprint: claim.fingerprint, claimId: claim.claimId, response: null, expiresAtMs: claim.leaseUntilMs });
        return { state: "claimed" };
      }
      if (existing.response === null) return { state: "in_progress", fingerprint: existing.fingerprint };
      return { state: "completed", fingerprint: existing.fingerprint, response: existing.response };
    },
    async complete(id, claimId, response, expiresAtMs) {
      const record = records.get(mapKey(id));
      if (record?.claimId === claimId && record.response === null) Object.assign(record, { response, expiresAtMs });
    },
    async release(id, claimId) {
      const record = records.get(mapKey(id));
      if (record?.claimId === claimId && record.response === null) records.delete(mapKey(id));
    },
    async purgeExpired(nowMs) {
      let dropped = 0;
      for (const [key, record] of records) {
        if (record.expiresAtMs <= nowMs) {
          records.delete(key);
          dropped++;
        }
      }
      return dropped;
    },
  };
}
