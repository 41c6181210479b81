/**
 * GCRA (generic cell rate algorithm), chosen over a sliding window because its whole
 * state is ONE number per bucket (the "theoretical arrival time", TAT): a decision is a
 * compare and an add, the shared adapter can do it in one atomic UPSERT, and there is
 * no window edge where two windows' worth of requests get through. "N per period" means
 * a burst of N, refilled continuously at N per period.
 *
 * Times are integer microseconds inside the algorithm so that every limit (even 120,000
 * per minute = one per 500 µs) has an exact integer emission interval and the boundary
 * instants are exact: no floating-point drift lets an (N+1)th request through.
 *
 * A clock that goes backwards can only make a bucket stricter: the TAT is never moved
 * back except to cap it at "exactly full" (now + capacity), the strictest state a
 * bucket can legitimately be in, so a large backward step cannot lock a bucket for
 * longer than one period either.
 */

export interface RateLimit {
  /** Requests per period; also the largest burst. */
  limit: number;
  periodMs: number;
}

/** What a store keeps per bucket. An absent bucket is a full one. */
export interface BucketState {
  /** Theoretical arrival time, in microseconds since the epoch. */
  tatUs: number;
}

/** What a client is told about a bucket (the HTTP layer reports it in rate-limit headers). */
export interface RateLimitFigures {
  allowed: boolean;
  limit: number;
  /** Requests still allowed right now after this one. */
  remaining: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
  /** Whole seconds to wait before a retry can pass (0 when allowed). */
  retryAfterSeconds: number;
}

export interface RateLimitDecision extends RateLimitFigures {
  newState: BucketState;
}

/** A decision's figures without the bucket state: what travels with an error or an answer. */
export function rateLimitFigures(decision: RateLimitFigures): RateLimitFigures {
  const { allowed, limit, remaining, resetMs, retryAfterSeconds } = decision;
  return { allowed, limit, remaining, resetMs, retryAfterSeconds };
}

/** Microseconds between two requests at the sustained rate (rounded up: never faster than the limit). */
export function emissionIntervalUs(limit: RateLimit): number {
  return Math.max(1, Math.ceil((limit.periodMs * 1000) / limit.limit));
}

/** The bucket's span: a TAT this far ahead of now means "no request left". */
export function capacityUs(limit: RateLimit): number {
  return limit.limit * emissionIntervalUs(limit);
}

/** Integer microseconds for a millisecond clock reading. */
export function toMicros(nowMs: number): number {
  return Math.round(nowMs * 1000);
}

/**
 * The step every store performs atomically: the TAT clamped to [now, now + capacity],
 * then the request passes when at most limit − 1 requests are already "in" the bucket.
 */
export function gcraStep(tatUs: number | null, limit: RateLimit, nowUs: number): { allowed: boolean; tatUs: number } {
  const interval = emissionIntervalUs(limit);
  const capacity = limit.limit * interval;
  const base = Math.max(nowUs, Math.min(tatUs ?? nowUs, nowUs + capacity));
  const allowed = base - nowUs <= capacity - interval;
  return { allowed, tatUs: allowed ? base + interval : base };
}

/** The figures and next state for a step's outcome; stores that run the step in SQL call this. */
export function describeStep(step: { allowed: boolean; tatUs: number }, limit: RateLimit, nowMs: number): RateLimitDecision {
  const nowUs = toMicros(nowMs);
  const interval = emissionIntervalUs(limit);
  const capacity = limit.limit * interval;
  const ahead = step.tatUs - nowUs;
  return {
    allowed: step.allowed,
    newState: { tatUs: step.tatUs },
    limit: limit.limit,
    remaining: Math.max(0, Math.floor((capacity - ahead) / interval)),
    resetMs: Math.max(0, Math.ceil(ahead / 1000)),
    retryAfterSeconds: step.allowed ? 0 : Math.max(1, Math.ceil((ahead - (capacity - interval)) / 1_000_000)),
  };
}

/** Pure decision: the bucket's state, its limit and the time in; the verdict and next state out. */
export function decide(state: BucketState | null, limit: RateLimit, nowMs: number): RateLimitDecision {
  return describeStep(gcraStep(state?.tatUs ?? null, limit, toMicros(nowMs)), limit, nowMs);
}
