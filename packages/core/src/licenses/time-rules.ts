import type { LicenseRecord } from "./license.ts";

export const DAY_MS = 86_400_000;

type Clocked = Pick<LicenseRecord, "frozen" | "frozenAt" | "expiresAt" | "durationDays">;
export type TimePatch = Partial<Clocked>;

/** Freezing stops the clock: remember when. Already frozen → no change (null). */
export function freeze(license: Clocked, now: number): TimePatch | null {
  if (license.frozen) return null;
  return { frozen: true, frozenAt: now };
}

/** Unfreezing pushes expiresAt forward by the time spent frozen. Not frozen → null. */
export function unfreeze(license: Clocked, now: number): TimePatch | null {
  if (!license.frozen) return null;
  const paused = Math.max(0, now - (license.frozenAt ?? now));
  return {
    frozen: false,
    frozenAt: null,
    expiresAt: license.expiresAt === null ? null : license.expiresAt + paused,
  };
}

/**
 * Adds `days`: to expiresAt when the clock runs; to durationDays when it has not
 * started yet; a perpetual license (neither) stays perpetual (null: no change).
 */
export function extend(license: Clocked, days: number): TimePatch | null {
  if (license.expiresAt !== null) return { expiresAt: license.expiresAt + days * DAY_MS };
  if (license.durationDays !== null) return { durationDays: license.durationDays + days };
  return null;
}

/**
 * A license with durationDays and no expiresAt starts its clock at first redeem or first
 * successful authorize. A frozen license starts frozen time from now as well.
 */
export function startClock(license: Clocked, now: number): TimePatch | null {
  if (license.expiresAt !== null || license.durationDays === null) return null;
  return { expiresAt: now + license.durationDays * DAY_MS, ...(license.frozen ? { frozenAt: now } : {}) };
}
