import { lt, sql } from "drizzle-orm";
import { capacityUs, describeStep, emissionIntervalUs, sha256Hex, toMicros, type RateLimitStore } from "@geckoguard/core";
import type { Executor } from "../executor.ts";
import { rateLimitBuckets } from "../schema/index.ts";

/**
 * Buckets every process on this database shares. A consume is ONE statement: the GCRA
 * step of core's `gcraStep`, written in SQL inside an UPSERT, so SQLite's write lock makes
 * read-decide-write atomic across processes without a transaction held over a round
 * trip. The contract suite checks it decides exactly as the pure function.
 */
export function libsqlRateLimitStore(db: Executor): RateLimitStore {
  return {
    async consume(bucketKey, limit, nowMs) {
      const nowUs = toMicros(nowMs);
      const interval = emissionIntervalUs(limit);
      const capacity = capacityUs(limit);
      // In DO UPDATE, column references read the row as it was before this statement.
      const base = sql`max(${nowUs}, min(${rateLimitBuckets.tatUs}, ${nowUs + capacity}))`;
      const passes = sql`(${base} - ${nowUs} <= ${capacity - interval})`;
      const row = await db
        .insert(rateLimitBuckets)
        .values({ bucket: sha256Hex(bucketKey), tatUs: nowUs + interval, lastAllowed: true })
        .onConflictDoUpdate({
          target: rateLimitBuckets.bucket,
          set: { lastAllowed: passes, tatUs: sql`${base} + (CASE WHEN ${passes} THEN ${interval} ELSE 0 END)` },
        })
        .returning({ tatUs: rateLimitBuckets.tatUs, allowed: rateLimitBuckets.lastAllowed })
        .get();
      if (row === undefined) throw new Error("rate-limit upsert returned no row");
      return describeStep(row, limit, nowMs);
    },
    async purgeIdle(beforeMs) {
      const result = await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.tatUs, toMicros(beforeMs)));
      return result.rowsAffected;
    },
  };
}
