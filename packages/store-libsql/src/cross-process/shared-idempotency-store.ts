import { sha256Hex, type IdempotencyRecordId, type IdempotencyStore } from "@geckoguard/core";
import type { SqlRunner } from "../authorize/sql-runner.ts";

/** Takes the key unless a live record holds it: the UPSERT only overwrites a record whose time is up. */
const CLAIM = `INSERT INTO idempotency_records (id, fingerprint, claim_id, status, body, expires_at) VALUES (?1, ?2, ?3, NULL, NULL, ?4)
  ON CONFLICT (id) DO UPDATE SET fingerprint = ?2, claim_id = ?3, status = NULL, body = NULL, expires_at = ?4
  WHERE idempotency_records.expires_at <= ?5`;
const FIND = `SELECT fingerprint, status, body, expires_at FROM idempotency_records WHERE id = ?`;
const COMPLETE = `UPDATE idempotency_records SET status = ?, body = ?, expires_at = ? WHERE id = ? AND claim_id = ? AND status IS NULL`;
const RELEASE = `DELETE FROM idempotency_records WHERE id = ? AND claim_id = ? AND status IS NULL`;
const PURGE = `DELETE FROM idempotency_records WHERE expires_at <= ?`;

interface RecordRow {
  fingerprint: string;
  status: number | null;
  body: string | null;
  expires_at: number;
}

/** Scope and key, hashed: no credential id or client address is stored in clear. */
const recordId = (id: IdempotencyRecordId) => sha256Hex(`${id.scope}\n${id.key}`);
/** Claim-then-read rounds; a second is only needed when the key was released in between. */
const BEGIN_ROUNDS = 3;

/**
 * Idempotency records every process on this database shares. Of concurrent claims of one
 * key exactly one changes a row; the others read the record that won.
 */
export function sharedIdempotencyStore(runner: SqlRunner): IdempotencyStore {
  return {
    async begin(id, claim, nowMs) {
      const key = recordId(id);
      for (let round = 0; round < BEGIN_ROUNDS; round++) {
        if ((await runner.run(CLAIM, [key, claim.fingerprint, claim.claimId, claim.leaseUntilMs, nowMs])) === 1) return { state: "claimed" };
        const row = await runner.get<RecordRow>(FIND, [key]);
        if (row === undefined || Number(row.expires_at) <= nowMs) continue; // released or expired meanwhile
        if (row.status === null) return { state: "in_progress", fingerprint: row.fingerprint };
        return { state: "completed", fingerprint: row.fingerprint, response: { status: Number(row.status), body: JSON.parse(row.body ?? "null") as unknown } };
      }
      // The key keeps changing hands: "in progress" tells the client to retry, the safe answer.
      return { state: "in_progress", fingerprint: claim.fingerprint };
    },
    async complete(id, claimId, response, expiresAtMs) {
      await runner.run(COMPLETE, [response.status, JSON.stringify(response.body ?? null), expiresAtMs, recordId(id), claimId]);
    },
    async release(id, claimId) {
      await runner.run(RELEASE, [recordId(id), claimId]);
    },
    purgeExpired: (nowMs) => runner.run(PURGE, [nowMs]),
  };
}
