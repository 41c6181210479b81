import type { PlanInterval } from "../records/billing.ts";
import { DAY_MS } from "../licenses/time-rules.ts";

/**
 * Calendar arithmetic for billing periods, in UTC. Months and years keep the anchor's
 * day of month where the month has it and otherwise end on the month's last day
 * (Jan 31 + 1 month = Feb 28 or 29, + 2 months = Mar 31), the way card billing counts:
 * a period is always counted from the anchor, never from the previous (clamped) end, so
 * a short month does not pull later periods earlier.
 */
export function addIntervals(anchor: number, interval: PlanInterval, count: number): number {
  switch (interval) {
    case "day":
      return anchor + count * DAY_MS;
    case "week":
      return anchor + count * 7 * DAY_MS;
    case "month":
      return addMonths(anchor, count);
    case "year":
      return addMonths(anchor, count * 12);
  }
}

function addMonths(anchor: number, months: number): number {
  const date = new Date(anchor);
  const monthIndex = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  const timeOfDay = anchor - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return Date.UTC(year, month, day) + timeOfDay;
}

/** The billing rhythm of a plan. */
export interface Rhythm {
  interval: PlanInterval;
  intervalCount: number;
}

/** Start and end of period `index` (0 = the first paid period) counted from `anchor`. */
export function periodBounds(anchor: number, rhythm: Rhythm, index: number): { start: number; end: number } {
  return {
    start: addIntervals(anchor, rhythm.interval, index * rhythm.intervalCount),
    end: addIntervals(anchor, rhythm.interval, (index + 1) * rhythm.intervalCount),
  };
}
