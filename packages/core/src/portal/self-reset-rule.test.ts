import { describe, expect, test } from "bun:test";
import { nextSelfResetAt, SELF_RESET_WINDOW_MS } from "./self-reset-rule.ts";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const limits = { cooldownMs: 24 * HOUR, windowMs: SELF_RESET_WINDOW_MS, maxInWindow: 3 };
const now = 100 * DAY;

describe("nextSelfResetAt", () => {
  test("no earlier reset: allowed now", () => {
    expect(nextSelfResetAt([], now, limits)).toBeNull();
  });

  test("within the cooldown: allowed once it has passed since the latest", () => {
    expect(nextSelfResetAt([now - 5 * HOUR], now, limits)).toBe(now + 19 * HOUR);
    expect(nextSelfResetAt([now - 24 * HOUR], now, limits)).toBeNull();
  });

  test("cap reached: allowed when the oldest counted reset leaves the 30 days", () => {
    const past = [now - 20 * DAY, now - 10 * DAY, now - 2 * DAY];
    expect(nextSelfResetAt(past, now, limits)).toBe(now + 10 * DAY);
    expect(nextSelfResetAt([now - 40 * DAY, ...past.slice(1)], now, limits)).toBeNull();
  });

  test("both limits: the later of the two", () => {
    const past = [now - 29 * DAY - 23 * HOUR, now - 10 * DAY, now - HOUR];
    expect(nextSelfResetAt(past, now, limits)).toBe(now + 23 * HOUR);
  });

  test("a cooldown of 0 leaves only the cap", () => {
    expect(nextSelfResetAt([now - 1], now, { ...limits, cooldownMs: 0 })).toBeNull();
  });
});
