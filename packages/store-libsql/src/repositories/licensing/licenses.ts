import { and, asc, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { GgError, type LicenseCounts, type LicenseStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { endUsers, licenses, orgMembers, products } from "../../schema/index.ts";
import { isUniqueViolation } from "../../connection/driver-errors.ts";
import { licenseViewColumns, toLicenseRow, toLicenseSet, toLicenseViews } from "./license-rows.ts";
import { filterCondition, scopeCondition } from "./license-conditions.ts";
import { csvBatchQuery } from "./license-csv.ts";
import { chunks } from "../chunks.ts";
import { insertBindings, replaceBindings } from "./license-bindings.ts";

/** SQLite binds at most 32766 variables; 17 columns × 500 rows stays well under. */
const INSERT_CHUNK = 500;
const ID_CHUNK = 900;

export function libsqlLicenses(db: Executor): LicenseStore {
  const selectViews = () =>
    db
      .select(licenseViewColumns)
      .from(licenses)
      .innerJoin(products, eq(products.id, licenses.productId))
      .leftJoin(endUsers, eq(endUsers.id, licenses.endUserId));

  const store: LicenseStore = {
    async insertMany(records) {
      try {
        for (const chunk of chunks(records, INSERT_CHUNK)) await db.insert(licenses).values(chunk.map(toLicenseRow));
        await insertBindings(db, records);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const productId = records[0]!.productId;
        const taken = await store.existingKeys(productId, records.map((r) => r.key));
        throw new GgError("CONFLICT", `${taken.length || "Some"} license key(s) already exist in this product`, {
          details: taken.slice(0, 100).map((key) => ({ path: "/key", message: `Key ${key} already exists` })),
        });
      }
    },
    async findInProduct(productId, licenseId) {
      const rows = await selectViews().where(and(eq(licenses.id, licenseId), eq(licenses.productId, productId)));
      return toLicenseViews(rows)[0] ?? null;
    },
    async findAccess(licenseId, userId) {
      // The membership join is the tenancy check: role is null for another org's license.
      const rows = await db
        .select({ ...licenseViewColumns, orgId: products.orgId, role: orgMembers.role })
        .from(licenses)
        .innerJoin(products, eq(products.id, licenses.productId))
        .leftJoin(endUsers, eq(endUsers.id, licenses.endUserId))
        .leftJoin(orgMembers, and(eq(orgMembers.orgId, products.orgId), eq(orgMembers.userId, userId)))
        .where(eq(licenses.id, licenseId));
      const row = rows[0];
      if (row === undefined) return null;
      return { license: toLicenseViews([row])[0]!, orgId: row.orgId, role: row.role ?? null };
    },
    async findByKeyForUser(key, userId, productId) {
      const rows = await db
        .select({ ...licenseViewColumns, orgId: products.orgId, role: orgMembers.role })
        .from(licenses)
        .innerJoin(products, eq(products.id, licenses.productId))
        .innerJoin(orgMembers, and(eq(orgMembers.orgId, products.orgId), eq(orgMembers.userId, userId)))
        .leftJoin(endUsers, eq(endUsers.id, licenses.endUserId))
        .where(and(eq(licenses.key, key), productId === undefined ? undefined : eq(licenses.productId, productId)));
      const views = toLicenseViews(rows);
      return rows.map((row, i) => ({ license: views[i]!, orgId: row.orgId, role: row.role }));
    },
    async findByKeyInOrg(key, orgId) {
      return toLicenseViews(await selectViews().where(and(eq(licenses.key, key), eq(products.orgId, orgId))));
    },
    async assignOwner(id, patch, now) {
      // Redeem's patch names owner and clock fields only, never bindings.
      const result = await db
        .update(licenses)
        .set({ ...toLicenseSet(patch), updatedAt: now })
        .where(and(eq(licenses.id, id), isNull(licenses.endUserId)));
      return result.rowsAffected === 1;
    },
    async list(scope, filter, page, now) {
      // Two phases: the page's ids from the narrow index (joins only where a condition
      // needs them), then the full views of just those ids. Skipping OFFSET rows stays cheap.
      const where = filterCondition(scope, filter, now);
      const ownerJoin = filter.search === undefined ? sql`` : sql`LEFT JOIN ${endUsers} ON ${endUsers.id} = ${licenses.endUserId}`;
      const base = sql`FROM ${licenses} INNER JOIN ${products} ON ${products.id} = ${licenses.productId} ${ownerJoin} WHERE ${where}`;
      const orderBy = filter.expiresBefore !== undefined ? sql`${licenses.expiresAt} ASC, ${licenses.id} ASC` : sql`${licenses.id} DESC`;
      const idRows = await db.all<{ id: string }>(sql`SELECT ${licenses.id} AS id ${base} ORDER BY ${orderBy} LIMIT ${page.limit} OFFSET ${page.offset}`);
      const total = (await db.get<{ n: number }>(sql`SELECT count(*) AS n ${base}`))?.n ?? 0;
      if (idRows.length === 0) return { items: [], total };
      const views = toLicenseViews(await selectViews().where(inArray(licenses.id, idRows.map((r) => r.id))));
      const byId = new Map(views.map((v) => [v.id, v]));
      return { items: idRows.map((r) => byId.get(r.id)!), total };
    },
    async loadMany(scope, ids) {
      const views = [];
      for (const chunk of chunks(ids, ID_CHUNK)) {
        views.push(...toLicenseViews(await selectViews().where(and(inArray(licenses.id, chunk), scopeCondition(scope)))));
      }
      return views;
    },
    async existingKeys(productId, keys) {
      const found: string[] = [];
      for (const chunk of chunks(keys, ID_CHUNK)) {
        const rows = await db
          .select({ key: licenses.key })
          .from(licenses)
          .where(and(eq(licenses.productId, productId), inArray(licenses.key, chunk)));
        found.push(...rows.map((r) => r.key));
      }
      return found;
    },
    async update(id, patch, now) {
      await db
        .update(licenses)
        .set({ ...toLicenseSet(patch), updatedAt: now })
        .where(eq(licenses.id, id));
      await replaceBindings(db, id, patch, now);
    },
    async deleteMany(ids) {
      let deleted = 0;
      for (const chunk of chunks(ids, ID_CHUNK)) {
        deleted += (await db.delete(licenses).where(inArray(licenses.id, chunk))).rowsAffected;
      }
      return deleted;
    },
    async counts(scope, now): Promise<LicenseCounts> {
      const expired = sql`(${licenses.expiresAt} IS NOT NULL AND ${licenses.expiresAt} <= ${now})`;
      const rows = await db
        .select({
          productId: licenses.productId,
          total: count(),
          revoked: sql<number>`sum(${licenses.status} = 'revoked')`,
          frozen: sql<number>`sum(${licenses.status} = 'active' AND ${licenses.frozen} = 1)`,
          expired: sql<number>`sum(${licenses.status} = 'active' AND ${licenses.frozen} = 0 AND ${expired})`,
        })
        .from(licenses)
        .innerJoin(products, eq(products.id, licenses.productId))
        .where(scopeCondition(scope))
        .groupBy(licenses.productId)
        .orderBy(asc(licenses.productId));
      const byProduct = rows.map((r) => {
        const [revoked, frozen, expiredN] = [Number(r.revoked), Number(r.frozen), Number(r.expired)];
        return { productId: r.productId, total: r.total, valid: r.total - revoked - frozen - expiredN, expired: expiredN, frozen, revoked };
      });
      const sum = (key: "valid" | "expired" | "frozen" | "revoked") => byProduct.reduce((n, p) => n + p[key], 0);
      return {
        total: byProduct.reduce((n, p) => n + p.total, 0),
        byStatus: { valid: sum("valid"), expired: sum("expired"), frozen: sum("frozen"), revoked: sum("revoked") },
        byProduct,
      };
    },
    async *scanCsv(scope, filter, batchSize, now) {
      const where = filterCondition(scope, filter, now);
      let after = "";
      for (;;) {
        const batch = await db.get<{ last: string | null; n: number; text: string }>(csvBatchQuery(where, after, batchSize));
        if (batch === undefined || !batch.n) return;
        yield batch.text;
        after = batch.last!;
        if (batch.n < batchSize) return;
      }
    },
    async *scan(scope, filter, batchSize, now) {
      const where = filterCondition(scope, filter, now);
      let after = "";
      for (;;) {
        const rows = await selectViews()
          .where(and(where, gt(licenses.id, after)))
          .orderBy(asc(licenses.id))
          .limit(batchSize);
        if (rows.length === 0) return;
        yield toLicenseViews(rows);
        after = rows[rows.length - 1]!.license.id;
        if (rows.length < batchSize) return;
      }
    },
  };
  return store;
}
