import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { signUp, uniqueEmail } from "../support/accounts.ts";

const SAMPLES = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The answer's timing must not tell whether an account exists. Known and unknown
 * requests are interleaved (alternating which goes first) so that load from other
 * processes on the machine hits both sides alike; medians are compared with an absolute
 * plus a relative tolerance.
 */
describe("forgot-password timing", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  test(`median of ${SAMPLES} answers for a known email matches the median for unknown ones`, async () => {
    const user = await signUp(t.api);
    const timed = async (email: string) => {
      const started = performance.now();
      const answer = await t.api("POST", "/v1/auth/forgot-password", { body: { email } });
      const elapsed = performance.now() - started;
      expect(answer.status).toBe(200);
      return elapsed;
    };
    // Warm both paths (first statements are prepared, first transaction opens the WAL).
    await timed(user.email);
    await timed(uniqueEmail("warm"));
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      if (i % 2 === 0) {
        known.push(await timed(user.email));
        unknown.push(await timed(uniqueEmail("ghost")));
      } else {
        unknown.push(await timed(uniqueEmail("ghost")));
        known.push(await timed(user.email));
      }
    }
    const [knownMedian, unknownMedian] = [median(known), median(unknown)];
    const tolerance = 1.5 + 0.1 * Math.max(knownMedian, unknownMedian);
    expect({ knownMedian, unknownMedian, within: Math.abs(knownMedian - unknownMedian) <= tolerance }).toMatchObject({ within: true });
  }, 30_000);
});
