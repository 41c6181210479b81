import { describe, expect, test } from "bun:test";
import { GgError } from "../errors/gg-error.ts";
import { auditFilterOf } from "./audit-query.ts";

const refusal = (query: { from?: string; to?: string }) => {
  try {
    auditFilterOf(query);
  } catch (error) {
    return error as GgError;
  }
  throw new Error("accepted");
};

describe("audit-log filters", () => {
  test("dates and date-times become an inclusive ms window; a bare `to` date covers its whole day", () => {
    expect(auditFilterOf({ from: "2026-01-01", to: "2026-01-31", action: "license.revoked" })).toEqual({
      from: Date.UTC(2026, 0, 1),
      to: Date.UTC(2026, 0, 32) - 1,
      action: "license.revoked",
    });
    expect(auditFilterOf({ from: "2026-01-01T10:00:00+02:00" })).toEqual({ from: Date.UTC(2026, 0, 1, 8) });
  });

  test("bad dates, from after to and windows over 366 days are VALIDATION_ERROR", () => {
    for (const query of [{ from: "yesterday" }, { to: "2026-13-45" }, { from: "2026-02-30T25:00:00Z" }, { from: "1767225600000" }, { from: "2026-02-30" }, { to: "2026-02-28T24:00:00Z" }]) {
      expect(refusal(query).code).toBe("VALIDATION_ERROR");
    }
    expect(refusal({ from: "2026-02-01", to: "2026-01-01" }).details).toEqual([{ path: "/from", message: "from is after to" }]);
    expect(refusal({ from: "2025-01-01", to: "2026-01-03" }).details?.[0]?.path).toBe("/to");
    expect(auditFilterOf({ from: "2025-01-01", to: "2026-01-01" })).toMatchObject({ from: Date.UTC(2025, 0, 1) });
  });
});
