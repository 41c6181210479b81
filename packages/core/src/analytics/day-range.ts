import type { DayRange } from "../ports/analytics.ts";
import { GgError } from "../errors/gg-error.ts";
import { isTimestampInRange } from "../schemas/timestamp.ts";
import { DAY_MS } from "../licenses/time-rules.ts";

/** The longest range one analytics read covers, in days (both ends included). */
export const MAX_RANGE_DAYS = 366;
/** Without `from`, the range is this many days ending with `to` (today by default). */
export const DEFAULT_RANGE_DAYS = 30;

/** The UTC day of an instant, as whole days since the Unix epoch. */
export const utcDayOf = (ms: number) => Math.floor(ms / DAY_MS);

/** A UTC day as `YYYY-MM-DD`. */
export const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const refuse = (path: string, message: string): never => {
  throw new GgError("VALIDATION_ERROR", message, { details: [{ path, message }] });
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** `YYYY-MM-DD` (a UTC day) or an ISO-8601 instant (its UTC day); a day that does not exist (2026-02-30) is refused. */
function parseDay(value: string, path: string): number {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = dateOnly || INSTANT.test(value) ? Date.parse(dateOnly ? `${value}T00:00:00.000Z` : value) : Number.NaN;
  if (!isTimestampInRange(ms) || (dateOnly && new Date(ms).toISOString().slice(0, 10) !== value)) {
    return refuse(path, "Must be a date (YYYY-MM-DD) or an ISO-8601 timestamp between 1970 and 9999");
  }
  return utcDayOf(ms);
}

/**
 * The days an analytics read covers (docs/team-and-audit.md#analytics): `from` and `to`
 * are both included; `to` defaults to today (UTC), `from` to 29 days before `to`. `from`
 * after `to`, or more than 366 days, is a 400 naming the field.
 */
export function analyticsDayRange(query: { from?: string; to?: string }, now: number): DayRange {
  const toDay = query.to === undefined ? utcDayOf(now) : parseDay(query.to, "/to");
  const fromDay = query.from === undefined ? toDay - (DEFAULT_RANGE_DAYS - 1) : parseDay(query.from, "/from");
  if (fromDay > toDay) refuse("/from", "Must not be after 'to'");
  if (toDay - fromDay + 1 > MAX_RANGE_DAYS) refuse("/from", `The range may cover at most ${MAX_RANGE_DAYS} days`);
  return { fromDay: Math.max(fromDay, 0), toDay };
}
