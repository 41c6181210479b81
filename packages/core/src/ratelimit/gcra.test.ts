import { describe, expect, test } from "bun:test";
import { decide, type BucketState, type RateLimit } from "./gcra.ts";

const T0 = 1_800_000_000_000; // a fixed instant, ms
const perMinute = (limit: number): RateLimit => ({ limit, periodMs: 60_000 });

/** Runs requests at the given clock readings; returns the decisions. */
function run(limit: RateLimit, times: number[], start: BucketState | null = null) {
  let state = start;
  return times.map((now) => {
    const decision = decide(state, limit, now);
    state = decision.newState;
    return decision;
  });
}

describe("GCRA decide", () => {
  test("a fresh bucket takes a burst of exactly N, then refuses", () => {
    const decisions = run(perMinute(5), Array(7).fill(T0));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0]);
  });

  test("large limits take their exact burst (120,000/min = one per 500 µs)", () => {
    const limit = perMinute(120_000);
    const decisions = run(limit, Array(120_001).fill(T0));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(120_000);
    expect(decisions.at(-1)!.allowed).toBe(false);
  });

  test("limits that do not divide the period still allow exactly N in a burst", () => {
    for (const n of [7, 13, 600, 60_000]) {
      expect(run(perMinute(n), Array(n + 3).fill(T0)).filter((d) => d.allowed)).toHaveLength(n);
    }
  });

  test("after a burst, the next request passes exactly one emission interval later, not a microsecond earlier", () => {
    const limit = perMinute(3); // one per 20 s
    const burst = run(limit, [T0, T0, T0, T0]);
    const state = burst.at(-1)!.newState;
    expect(decide(state, limit, T0 + 19_999).allowed).toBe(false);
    expect(decide(state, limit, T0 + 20_000).allowed).toBe(true);
    expect(decide(decide(state, limit, T0 + 20_000).newState, limit, T0 + 20_000).allowed).toBe(false);
  });

  test("a refusal says when to retry, in whole seconds, and is right at that instant", () => {
    const limit = perMinute(3);
    const [, , third, refused] = run(limit, [T0, T0 + 1_000, T0 + 2_000, T0 + 2_500]);
    expect(third!.allowed).toBe(true);
    expect(refused!.allowed).toBe(false);
    // The first slot frees at T0 + 20 s: 17.5 s from now, rounded up.
    expect(refused!.retryAfterSeconds).toBe(18);
    expect(decide(refused!.newState, limit, T0 + 19_999).allowed).toBe(false);
    expect(decide(refused!.newState, limit, T0 + 20_000).allowed).toBe(true);
  });

  test("reset is the time until the bucket is full again", () => {
    const limit = perMinute(3);
    const [first, , third] = run(limit, [T0, T0, T0]);
    expect(first!.resetMs).toBe(20_000);
    expect(third!.resetMs).toBe(60_000);
    const later = decide(third!.newState, limit, T0 + 60_000);
    expect(later.remaining).toBe(2);
    expect(later.resetMs).toBe(20_000);
  });

  test("sustained traffic at exactly the rate is always allowed; faster is cut to the rate", () => {
    const limit = perMinute(60); // one per second
    const atRate = run(limit, Array.from({ length: 300 }, (_, i) => T0 + i * 1_000));
    expect(atRate.every((d) => d.allowed)).toBe(true);
    const twiceTheRate = run(limit, Array.from({ length: 600 }, (_, i) => T0 + i * 500));
    // The burst of 60 plus one per second over the 299.5 s that follow.
    expect(twiceTheRate.filter((d) => d.allowed)).toHaveLength(60 + 299);
  });

  test("a clock stepping back after a burst refuses, and the bucket refills at the normal rate, not after the step", () => {
    const limit = perMinute(5); // one per 12 s
    const burst = run(limit, Array(5).fill(T0 + 600_000));
    const state = burst.at(-1)!.newState;
    const stepBack = T0; // ten minutes earlier
    expect(decide(state, limit, stepBack).allowed).toBe(false);
    const after = run(limit, [stepBack, stepBack + 11_999, stepBack + 12_000, stepBack + 12_000], state);
    expect(after.map((d) => d.allowed)).toEqual([false, false, true, false]);
  });

  test("a fresh-looking reading after a backward step never adds capacity", () => {
    const limit = perMinute(4);
    const [, , , last] = run(limit, [T0, T0, T0, T0]);
    for (const back of [1, 1_000, 30_000, 59_999, 60_000, 3_600_000]) {
      expect(decide(last!.newState, limit, T0 - back).allowed).toBe(false);
    }
  });

  test("however often the clock steps back, any real-time window of W ms lets through at most N + W / interval", () => {
    const limit = perMinute(10); // interval 6 s
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    let real = T0;
    let offset = 0;
    let state: BucketState | null = null;
    const allowedAt: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      real += Math.floor(random() * 1_500);
      if (random() < 0.02) offset += Math.floor(random() * 120_000); // the clock jumps back
      const decision = decide(state, limit, real - offset);
      state = decision.newState;
      if (decision.allowed) allowedAt.push(real);
    }
    const window = 60_000;
    const bound = limit.limit + window / 6_000;
    let worst = 0;
    for (let i = 0, j = 0; i < allowedAt.length; i++) {
      while (allowedAt[j]! < allowedAt[i]! - window) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(allowedAt.length).toBeGreaterThan(100);
    expect(worst).toBeLessThanOrEqual(bound);
  });
});
