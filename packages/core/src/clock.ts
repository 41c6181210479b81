import { readableTimestamp } from "./schemas/timestamp.ts";

/** Time source for every rule and use case; tests pass a fixed or stepping clock. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock the test moves by hand. */
export function manualClock(startMs: number): Clock & { advance(ms: number): void; set(ms: number): void } {
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number) {
      current += ms;
    },
    set(ms: number) {
      current = ms;
    },
  };
}

/** A stored instant in ISO-8601; out-of-range values print as the nearest bound (schemas/timestamp.ts). */
export function toIso(ms: number): string {
  return new Date(readableTimestamp(ms)).toISOString();
}

export function toIsoOrNull(ms: number | null): string | null {
  return ms === null ? null : toIso(ms);
}
