import type { LicenseRecord } from "../records/license.ts";
import { GgError } from "../errors/gg-error.ts";
import { assertTimestampInRange, MAX_TIMESTAMP_MS } from "../schemas/timestamp.ts";
import { MAX_DURATION_DAYS } from "./schemas.ts";

export const DAY_MS = 86_400_000;

type Clocked = Pick<LicenseRecord, "frozen" | "frozenAt" | "expiresAt" | "durationDays">;
export type TimePatch = Partial<Clocked>;

/** Freezing stops the clock: remember when. Already frozen → no change (null). */
export function freeze(license: Clocked, now: number): TimePatch | null {
  if (license.frozen) return null;
  return { frozen: true, frozenAt: now };
}

/**
 * Unfreezing pushes expiresAt forward by the time spent frozen. Not frozen → null.
 * A result past 9999-12-31 is a 400: lower expiresAt first.
 */
export function unfreeze(license: Clocked, now: number): TimePatch | null {
  if (!license.frozen) return null;
  const paused = Math.max(0, now - (license.frozenAt ?? now));
  return {
    frozen: false,
    frozenAt: null,
    expiresAt: license.expiresAt === null ? null : assertTimestampInRange(license.expiresAt + paused, "/expiresAt"),
  };
}

/**
 * Adds `days`: to expiresAt when the clock runs; to durationDays when it has not
 * started yet; a perpetual license (neither) stays perpetual (null: no change). A result
 * past 9999-12-31, or a duration over MAX_DURATION_DAYS, is a 400 naming `days`.
 */
export function extend(license: Clocked, days: number): TimePatch | null {
  if (license.expiresAt !== null) return { expiresAt: assertTimestampInRange(license.expiresAt + days * DAY_MS, "/days") };
  if (license.durationDays === null) return null;
  if (license.durationDays + days > MAX_DURATION_DAYS) {
    throw new GgError("VALIDATION_ERROR", `A license's duration cannot exceed ${MAX_DURATION_DAYS} days`, {
      details: [{ path: "/days", message: `The duration would exceed ${MAX_DURATION_DAYS} days` }],
    });
  }
  return { durationDays: license.durationDays + days };
}

/**
 * A license with durationDays and no expiresAt starts its clock at first redeem or first
 * successful authorize. A frozen license starts frozen time from now as well. Durations
 * are at most MAX_DURATION_DAYS, so the end stays far inside the range; a stored duration
 * beyond it (written by hand) ends at the range's last instant rather than overflowing,
 * because authorize has no 400 to give.
 */
export function startClock(license: Clocked, now: number): TimePatch | null {
  if (license.expiresAt !== null || license.durationDays === null) return null;
  const expiresAt = Math.min(now + license.durationDays * DAY_MS, MAX_TIMESTAMP_MS);
  return { expiresAt, ...(license.frozen ? { frozenAt: now } : {}) };
}
