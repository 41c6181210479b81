import { capacityUs, describeStep, emissionIntervalUs, sha256Hex, toMicros, type RateLimitStore } from "@geckoguard/core";
import type { SqlRunner } from "../authorize/sql-runner.ts";

/**
 * core's `gcraStep` in SQL, inside one UPSERT: ?1 bucket, ?2 now, ?3 emission interval,
 * ?4 capacity (µs). In DO UPDATE, `tat_us` reads the row as it was before the statement;
 * RETURNING only sees the new row, hence the `last_allowed` column.
 */
const CONSUME = `INSERT INTO rate_limit_buckets (bucket, tat_us, last_allowed) VALUES (?1, ?2 + ?3, 1)
  ON CONFLICT (bucket) DO UPDATE SET
    last_allowed = (max(?2, min(tat_us, ?2 + ?4)) - ?2 <= ?4 - ?3),
    tat_us = max(?2, min(tat_us, ?2 + ?4)) + (CASE WHEN max(?2, min(tat_us, ?2 + ?4)) - ?2 <= ?4 - ?3 THEN ?3 ELSE 0 END)
  RETURNING tat_us, last_allowed`;
const PURGE = `DELETE FROM rate_limit_buckets WHERE tat_us < ?`;

/**
 * Buckets every process on this database shares. A consume is ONE statement, so
 * SQLite's write lock makes read-decide-write atomic across processes without a
 * transaction held over a round trip; the contract suite checks it decides exactly as
 * the pure function. Bucket keys are stored hashed: no client IP, email or license key.
 */
export function sharedRateLimitStore(runner: SqlRunner): RateLimitStore {
  return {
    async consume(bucketKey, limit, nowMs) {
      const row = await runner.writeReturning<{ tat_us: number; last_allowed: number }>(CONSUME, [
        sha256Hex(bucketKey),
        toMicros(nowMs),
        emissionIntervalUs(limit),
        capacityUs(limit),
      ]);
      if (row === undefined) throw new Error("rate-limit upsert returned no row");
      return describeStep({ allowed: Number(row.last_allowed) === 1, tatUs: Number(row.tat_us) }, limit, nowMs);
    },
    purgeIdle: (beforeMs) => runner.run(PURGE, [toMicros(beforeMs)]),
  };
}
