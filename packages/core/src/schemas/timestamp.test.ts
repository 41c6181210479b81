import { describe, expect, test } from "bun:test";
import { MAX_TIMESTAMP_MS, readableTimestamp, Timestamp } from "./timestamp.ts";
import { toIso } from "../clock.ts";

describe("timestamps", () => {
  test("the schema takes four-digit years only", () => {
    // The `date-time` format is registered by the HTTP layer (Elysia); the pattern is this file's part.
    const pattern = new RegExp(Timestamp().pattern!);
    for (const good of ["2026-11-27T10:00:00.000Z", "2026-11-27T10:00:00+02:00", "9999-12-31T23:59:59.999Z"]) expect(pattern.test(good)).toBe(true);
    for (const bad of ["+275760-09-13T00:00:00.000Z", "10000-01-01T00:00:00.000Z", "2026-11-27", "tomorrow", "2026-11-27T10:00:00.000Z\u0000"]) {
      expect(pattern.test(bad)).toBe(false);
    }
  });
  test("a stored value outside the range reads as the nearest bound; a non-number as the lower one", () => {
    expect(readableTimestamp(8.64e15 + 1)).toBe(MAX_TIMESTAMP_MS);
    expect(readableTimestamp(-5)).toBe(0);
    expect(readableTimestamp("garbage" as unknown as number)).toBe(0);
    expect(toIso(9e15)).toBe("9999-12-31T23:59:59.999Z");
  });
});
