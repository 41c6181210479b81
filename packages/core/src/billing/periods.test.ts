import { describe, expect, test } from "bun:test";
import { addIntervals, periodBounds } from "./periods.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("billing periods", () => {
  test("Jan 31 + 1 month ends on the last day of February, leap years included", () => {
    expect(iso(addIntervals(at("2026-01-31T10:00:00Z"), "month", 1))).toBe("2026-02-28T10:00:00.000Z");
    expect(iso(addIntervals(at("2028-01-31T10:00:00Z"), "month", 1))).toBe("2028-02-29T10:00:00.000Z");
  });

  test("periods count from the anchor: Jan 31 → Feb 28 → Mar 31 → Apr 30", () => {
    const anchor = at("2026-01-31T00:00:00Z");
    const ends = [0, 1, 2, 3].map((i) => iso(periodBounds(anchor, { interval: "month", intervalCount: 1 }, i).end));
    expect(ends).toEqual(["2026-02-28T00:00:00.000Z", "2026-03-31T00:00:00.000Z", "2026-04-30T00:00:00.000Z", "2026-05-31T00:00:00.000Z"]);
  });

  test("a period starts where the previous one ended", () => {
    const rhythm = { interval: "month" as const, intervalCount: 3 };
    const anchor = at("2025-11-30T12:00:00Z");
    for (let i = 0; i < 8; i++) expect(periodBounds(anchor, rhythm, i + 1).start).toBe(periodBounds(anchor, rhythm, i).end);
    expect(iso(periodBounds(anchor, rhythm, 0).end)).toBe("2026-02-28T12:00:00.000Z");
  });

  test("years: Feb 29 + 1 year is Feb 28; across December into the next year", () => {
    expect(iso(addIntervals(at("2028-02-29T00:00:00Z"), "year", 1))).toBe("2029-02-28T00:00:00.000Z");
    expect(iso(addIntervals(at("2026-12-15T08:30:00Z"), "month", 1))).toBe("2027-01-15T08:30:00.000Z");
    expect(iso(addIntervals(at("2026-11-30T00:00:00Z"), "month", 14))).toBe("2028-01-30T00:00:00.000Z");
  });

  test("days and weeks are fixed lengths", () => {
    expect(iso(addIntervals(at("2026-03-01T00:00:00Z"), "day", 2))).toBe("2026-03-03T00:00:00.000Z");
    expect(iso(addIntervals(at("2026-03-01T00:00:00Z"), "week", 2))).toBe("2026-03-15T00:00:00.000Z");
  });
});
