import type { RateLimitDecision } from "./gcra.ts";

/** The more restrictive of two decisions: fewer requests left, then the later reset. */
export function tighter(a: RateLimitDecision, b: RateLimitDecision): RateLimitDecision {
  if (a.remaining !== b.remaining) return a.remaining < b.remaining ? a : b;
  return a.resetMs >= b.resetMs ? a : b;
}

/** `RateLimit-*` headers (seconds, IETF draft style) and, on a refusal, `Retry-After`. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-limit": String(decision.limit),
    "ratelimit-remaining": String(decision.remaining),
    "ratelimit-reset": String(Math.ceil(decision.resetMs / 1000)),
  };
  if (!decision.allowed) headers["retry-after"] = String(decision.retryAfterSeconds);
  return headers;
}
