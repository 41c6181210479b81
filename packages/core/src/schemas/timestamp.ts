import { Type, type StringOptions, type TString } from "@sinclair/typebox";
import { GgError } from "../errors/gg-error.ts";

/**
 * Accepted and stored instants stay within 1970-01-01 … 9999-12-31: ISO-8601 cannot
 * write a larger year in its usual form, SQLite's date functions stop there, and
 * JavaScript's Date (±8.64e15 ms) overflows soon after, which used to turn one license
 * into a 500 for its whole org. Nothing before the Unix epoch is needed (an old date
 * only means "expired"), and it keeps every stored millisecond count non-negative.
 * docs/errors.md, "Dates", states the rule.
 */
export const MIN_TIMESTAMP_MS = 0;
export const MAX_TIMESTAMP_MS = Date.parse("9999-12-31T23:59:59.999Z");

/** `2026-11-27T10:00:00.000Z` or with an offset; exactly four year digits (no `+275760-…`). */
const ISO_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})$";

/** An ISO-8601 instant with a four-digit year; use cases check the 1970 … 9999 range after parsing (offsets move it). */
export function Timestamp(options: StringOptions = {}): TString {
  return Type.String({ description: "ISO-8601 UTC timestamp between 1970 and 9999", ...options, format: "date-time", pattern: ISO_PATTERN });
}

export function isTimestampInRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_TIMESTAMP_MS && ms <= MAX_TIMESTAMP_MS;
}

/**
 * Throws 400 when a computed instant (an extension, an unfreeze, an offset that moves a
 * 9999-12-31 date past the year) leaves the range; `path` names the field at fault.
 */
export function assertTimestampInRange(ms: number, path: string): number {
  if (!isTimestampInRange(ms)) {
    throw new GgError("VALIDATION_ERROR", "Dates must fall between 1970-01-01 and 9999-12-31", {
      details: [{ path, message: "The date would fall outside 1970-01-01 … 9999-12-31" }],
    });
  }
  return ms;
}

/**
 * A stored instant as something every reader can print. Rows written before the bound
 * existed (or by hand) may hold a value outside it: such a value reads as the nearest
 * bound, so the order is kept (far future stays future: not expired; far past stays
 * past) and one bad row never breaks a list. A value that is not a number reads as the
 * lower bound: a corrupt expiry reads as expired, never as perpetual.
 */
export function readableTimestamp(ms: number): number {
  if (typeof ms !== "number" || Number.isNaN(ms)) return MIN_TIMESTAMP_MS;
  return Math.min(MAX_TIMESTAMP_MS, Math.max(MIN_TIMESTAMP_MS, ms));
}
