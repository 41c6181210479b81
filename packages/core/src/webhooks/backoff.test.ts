import { describe, expect, test } from "bun:test";
import { DEFAULT_BACKOFF_BASE_MS, JITTER_RATIO, MAX_RETRY_DELAY_MS, retryDelayMs } from "./backoff.ts";

const MINUTE = 60_000;

describe("webhook retry backoff", () => {
  test("attempt n+1 waits base × 2^(n−1) at the middle of the jitter range", () => {
    const waits = [1, 2, 3, 4, 5].map((n) => retryDelayMs(n, DEFAULT_BACKOFF_BASE_MS, 0.5));
    expect(waits).toEqual([1 * MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE, 16 * MINUTE]);
  });

  test("jitter stays within ±10 % of the nominal wait", () => {
    expect(retryDelayMs(2, 1000, 0)).toBe(2000 * (1 - JITTER_RATIO));
    expect(retryDelayMs(2, 1000, 0.25)).toBe(1900);
    expect(retryDelayMs(2, 1000, 0.999999)).toBe(2000 * (1 + JITTER_RATIO));
  });

  test("no wait exceeds 16 minutes, jitter included", () => {
    for (const random of [0, 0.5, 0.999]) {
      expect(retryDelayMs(5, DEFAULT_BACKOFF_BASE_MS, random)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
      expect(retryDelayMs(9, DEFAULT_BACKOFF_BASE_MS, random)).toBe(MAX_RETRY_DELAY_MS);
    }
  });

  test("a short base (tests, GG_WEBHOOK_BACKOFF_BASE_MS=50) scales the same way", () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n, 50, 0.5))).toEqual([50, 100, 200]);
  });
});
