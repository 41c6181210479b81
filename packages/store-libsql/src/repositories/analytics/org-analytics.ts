import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsScope, AnalyticsStore, ProductDay } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { authorizedLicenseDays, authorizeOutcomeDays, licenseHwids, licenses, licenseSessions, products } from "../../schema/index.ts";

const DAY_MS = 86_400_000;

/** The ids of the products in scope: the tenancy condition every query below carries. */
const productIds = ({ orgId, productId }: AnalyticsScope): SQL =>
  sql`(SELECT ${products.id} FROM ${products} WHERE ${products.orgId} = ${orgId}${productId === undefined ? sql`` : sql` AND ${products.id} = ${productId}`})`;

type CreatedRow = { day: number; total: number; revoked: number; frozen: number; expired: number; unused: number };

/**
 * Org analytics on SQL (docs/team-and-audit.md#analytics): one pass over the org's
 * licenses gives the states now and the creations per day; the authorize figures are the
 * daily rows the authorize write-behind adds to.
 */
export function libsqlAnalytics(db: Executor): AnalyticsStore {
  return {
    async orgAnalytics(scope, { fromDay, toDay }, now) {
      const inScope = productIds(scope);
      const [productRows, createdRows, sessions, hwids, outcomeRows, uniqueRows] = await Promise.all([
        db.all<{ id: string; name: string }>(sql`SELECT ${products.id} AS id, ${products.name} AS name FROM ${products} WHERE ${products.id} IN ${inScope}`),
        // States in derived order (revoked, frozen, expired, else valid), like licenses/state.ts.
        db.all<CreatedRow>(sql`SELECT ${licenses.createdAt} / ${sql.raw(String(DAY_MS))} AS day, count(*) AS total,
            sum(${licenses.status} = 'revoked') AS revoked,
            sum(${licenses.status} <> 'revoked' AND ${licenses.frozen} = 1) AS frozen,
            sum(${licenses.status} <> 'revoked' AND ${licenses.frozen} = 0 AND ${licenses.expiresAt} IS NOT NULL AND ${licenses.expiresAt} <= ${now}) AS expired,
            sum(${licenses.lastAuthorizedAt} IS NULL) AS unused
          FROM ${licenses} WHERE ${licenses.productId} IN ${inScope} GROUP BY day`),
        db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${licenseSessions} JOIN ${licenses} ON ${licenses.id} = ${licenseSessions.licenseId}
          WHERE ${licenses.productId} IN ${inScope} AND ${licenseSessions.revokedAt} IS NULL AND ${licenseSessions.expiresAt} > ${now}`),
        db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${licenseHwids} JOIN ${licenses} ON ${licenses.id} = ${licenseHwids.licenseId} WHERE ${licenses.productId} IN ${inScope}`),
        db.all<{ productId: string; day: number; outcome: string; count: number }>(sql`SELECT ${authorizeOutcomeDays.productId} AS productId, ${authorizeOutcomeDays.day} AS day,
            ${authorizeOutcomeDays.outcome} AS outcome, ${authorizeOutcomeDays.count} AS count FROM ${authorizeOutcomeDays}
          WHERE ${authorizeOutcomeDays.productId} IN ${inScope} AND ${authorizeOutcomeDays.day} BETWEEN ${fromDay} AND ${toDay}`),
        db.all<{ productId: string; day: number; licenses: number }>(sql`SELECT ${authorizedLicenseDays.productId} AS productId, ${authorizedLicenseDays.day} AS day,
            ${authorizedLicenseDays.licenses} AS licenses FROM ${authorizedLicenseDays}
          WHERE ${authorizedLicenseDays.productId} IN ${inScope} AND ${authorizedLicenseDays.day} BETWEEN ${fromDay} AND ${toDay}`),
      ]);

      const counts = { total: 0, valid: 0, revoked: 0, frozen: 0, expired: 0, unused: 0 };
      const createdByDay = new Map<number, number>();
      for (const row of createdRows) {
        for (const field of ["total", "revoked", "frozen", "expired", "unused"] as const) counts[field] += Number(row[field] ?? 0);
        if (row.day >= fromDay && row.day <= toDay) createdByDay.set(Number(row.day), Number(row.total));
      }
      counts.valid = counts.total - counts.revoked - counts.frozen - counts.expired;

      const days = new Map<string, ProductDay>();
      const dayOf = (productId: string, day: number) => {
        const key = `${productId}\n${day}`;
        let entry = days.get(key);
        if (entry === undefined) days.set(key, (entry = { productId, day: Number(day), outcomes: {}, uniqueLicenses: 0 }));
        return entry;
      };
      for (const row of outcomeRows) dayOf(row.productId, row.day).outcomes[row.outcome] = Number(row.count);
      for (const row of uniqueRows) dayOf(row.productId, row.day).uniqueLicenses = Number(row.licenses);
      return {
        licenses: counts,
        activeSessions: Number(sessions?.n ?? 0),
        boundHwids: Number(hwids?.n ?? 0),
        createdByDay,
        productDays: [...days.values()],
        products: productRows,
      };
    },
  };
}
