import type { RateLimit, RateLimitDecision } from "../ratelimit/gcra.ts";

/**
 * Where rate-limit buckets live: in this process (the embedded default) or in a store
 * every server process shares.
 */
export interface RateLimitStore {
  /**
   * Takes one request from bucket `bucketKey` if it has room: reads the bucket, runs
   * `gcraStep` and writes the result as ONE atomic step. Concurrent consumes of a bucket
   * (from any number of callers, and from every process sharing the store) are
   * serialised: with k requests left, exactly k of them are allowed. A refusal leaves
   * the bucket as full as it was.
   */
  consume(bucketKey: string, limit: RateLimit, nowMs: number): Promise<RateLimitDecision>;
  /**
   * Forgets buckets whose theoretical arrival time is before `beforeMs`: they are full
   * again, so forgetting them changes no decision. Returns how many were dropped.
   */
  purgeIdle(beforeMs: number): Promise<number>;
}
