import type { SqlArgs } from "./sql-runner.ts";
import { utcDay } from "./outcome-counts.ts";

const DAY_MS = 86_400_000;
/** Bounds the memory: forgetting only costs a statement that finds the license counted already. */
const MAX_REMEMBERED = 500_000;

/**
 * Counts a license once for a UTC day iff its stored last_authorized_at is not in that day
 * yet. It runs right before the license's touch, in the same transaction: the check and
 * the touch commit together, so two processes (or a retried flush) never count it twice.
 */
const COUNT_DAY_SQL =
  "INSERT INTO authorized_license_days (product_id, day, licenses) SELECT product_id, ?, 1 FROM licenses WHERE id = ? AND (last_authorized_at IS NULL OR last_authorized_at < ?) ON CONFLICT (product_id, day) DO UPDATE SET licenses = licenses + 1";

/**
 * Distinct licenses authorized per UTC day (docs/team-and-audit.md#analytics): the first
 * touch of a license on a day, in this process, carries the counting statement; later
 * touches that day carry nothing (this process counted it already, or found it counted).
 */
export class AuthorizedDays {
  private counted = new Map<string, number>();

  /** The statement to run right before the touch of `licenseId` at `at` (same transaction), or null. */
  countStatement(licenseId: string, at: number): { sql: string; args: SqlArgs } | null {
    const day = utcDay(at);
    return this.counted.get(licenseId) === day ? null : { sql: COUNT_DAY_SQL, args: [day, licenseId, day * DAY_MS] };
  }

  /** The transaction holding countStatement(licenseId, at) committed. */
  committed(licenseId: string, at: number): void {
    if (this.counted.size >= MAX_REMEMBERED) this.counted.clear();
    this.counted.set(licenseId, utcDay(at));
  }
}
