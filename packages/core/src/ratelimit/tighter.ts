import type { RateLimitFigures } from "./gcra.ts";

/** The more restrictive of two decisions: fewer requests left, then the later reset. */
export function tighter<T extends RateLimitFigures>(a: T, b: T): T {
  if (a.remaining !== b.remaining) return a.remaining < b.remaining ? a : b;
  return a.resetMs >= b.resetMs ? a : b;
}
