import type { SqlArgs } from "./sql-runner.ts";

const DAY_MS = 86_400_000;

/** Additive: several processes flushing into one database add up (never overwrite). */
const ADD_OUTCOMES_SQL =
  "INSERT INTO authorize_outcome_days (product_id, day, outcome, count) VALUES (?, ?, ?, ?) ON CONFLICT (product_id, day, outcome) DO UPDATE SET count = count + excluded.count";

/** The UTC day of a time, as whole days since the Unix epoch (the column's unit). */
export const utcDay = (at: number) => Math.floor(at / DAY_MS);

/**
 * Authorize outcomes counted in memory (one map increment per call), written by the
 * write-behind's flush as one additive upsert per product, day and outcome.
 */
export class OutcomeCounts {
  private counts = new Map<string, number>();

  /** One call of `productId` at `at` ended with `outcome` (`ALLOWED` or a verdict's code). */
  add(productId: string, outcome: string, at: number): void {
    const key = `${productId}\n${utcDay(at)}\n${outcome}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  get size(): number {
    return this.counts.size;
  }

  /**
   * Takes what is pending as statements (in key order). `restore(from)` puts back the
   * counts of statements `from`… when only those failed to commit: the ones before were
   * added to the database already and must not be added twice.
   */
  drain(): { statements: { sql: string; args: SqlArgs }[]; restore: (from: number) => void } {
    const taken = [...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.counts = new Map();
    const statements = taken.map(([key, n]) => {
      const [productId, day, outcome] = key.split("\n") as [string, string, string];
      return { sql: ADD_OUTCOMES_SQL, args: [productId, Number(day), outcome, n] };
    });
    const restore = (from: number) => {
      for (const [key, n] of taken.slice(from)) this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    };
    return { statements, restore };
  }
}
