import type { RateLimitFigures } from "@geckoguard/core";

/** `RateLimit-*` headers (seconds, IETF draft style) and, on a refusal, `Retry-After`. */
export function rateLimitHeaders(figures: RateLimitFigures): Record<string, string> {
  const headers: Record<string, string> = {
    "ratelimit-limit": String(figures.limit),
    "ratelimit-remaining": String(figures.remaining),
    "ratelimit-reset": String(Math.ceil(figures.resetMs / 1000)),
  };
  if (!figures.allowed) headers["retry-after"] = String(figures.retryAfterSeconds);
  return headers;
}
