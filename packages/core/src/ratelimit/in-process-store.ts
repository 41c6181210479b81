import type { RateLimitStore } from "../ports/rate-limit.ts";
import { decide, toMicros } from "./gcra.ts";

/**
 * Buckets in a Map of this process: the embedded default. Each consume reads, decides
 * and writes without yielding to the event loop, which makes it atomic here.
 */
export function inProcessRateLimitStore(): RateLimitStore {
  const tats = new Map<string, number>();
  return {
    async consume(bucketKey, limit, nowMs) {
      const tatUs = tats.get(bucketKey);
      const decision = decide(tatUs === undefined ? null : { tatUs }, limit, nowMs);
      tats.set(bucketKey, decision.newState.tatUs);
      return decision;
    },
    async purgeIdle(beforeMs) {
      const before = toMicros(beforeMs);
      let dropped = 0;
      for (const [key, tatUs] of tats) {
        if (tatUs < before) {
          tats.delete(key);
          dropped++;
        }
      }
      return dropped;
    },
  };
}
