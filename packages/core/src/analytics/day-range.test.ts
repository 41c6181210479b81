import { describe, expect, test } from "bun:test";
import { analyticsDayRange, isoDate } from "./day-range.ts";
import { GgError } from "../errors/gg-error.ts";

const NOW = Date.parse("2026-03-10T15:00:00.000Z");
const range = (query: { from?: string; to?: string }) => {
  const { fromDay, toDay } = analyticsDayRange(query, NOW);
  return [isoDate(fromDay), isoDate(toDay)];
};
const refusal = (query: { from?: string; to?: string }) => {
  try {
    analyticsDayRange(query, NOW);
  } catch (error) {
    return error instanceof GgError ? { code: error.code, path: error.details?.[0]?.path } : error;
  }
  return null;
};

describe("analytics day range", () => {
  test("defaults to the last 30 days ending today (UTC)", () => {
    expect(range({})).toEqual(["2026-02-09", "2026-03-10"]);
    expect(range({ to: "2026-01-31" })).toEqual(["2026-01-02", "2026-01-31"]);
  });

  test("dates and timestamps name their UTC day; both ends are included", () => {
    expect(range({ from: "2026-03-01", to: "2026-03-01" })).toEqual(["2026-03-01", "2026-03-01"]);
    expect(range({ from: "2026-02-28T23:30:00-02:00", to: "2026-03-02T10:00:00.000Z" })).toEqual(["2026-03-01", "2026-03-02"]);
  });

  test("366 days pass, 367 do not", () => {
    expect(range({ from: "2025-03-10", to: "2026-03-10" })).toEqual(["2025-03-10", "2026-03-10"]);
    expect(refusal({ from: "2025-03-09", to: "2026-03-10" })).toEqual({ code: "VALIDATION_ERROR", path: "/from" });
  });

  test("bad dates and from after to are 400s naming the field", () => {
    expect(refusal({ from: "2026-02-30" })).toEqual({ code: "VALIDATION_ERROR", path: "/from" });
    expect(refusal({ to: "March 1 2026" })).toEqual({ code: "VALIDATION_ERROR", path: "/to" });
    expect(refusal({ to: "yesterday" })).toEqual({ code: "VALIDATION_ERROR", path: "/to" });
    expect(refusal({ to: "10000-01-01" })).toEqual({ code: "VALIDATION_ERROR", path: "/to" });
    expect(refusal({ from: "2026-03-05", to: "2026-03-04" })).toEqual({ code: "VALIDATION_ERROR", path: "/from" });
  });
});
