import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { ApiKeyRecord, ApiKeyStore, Scope } from "@geckoguard/core";
import { offsetOf } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { apiKeys, orgMembers, products } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";

type ApiKeyRow = typeof apiKeys.$inferSelect;

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return { ...row, permissions: JSON.parse(row.permissions) as Scope[] };
}

/** The key with this id, inside this product: every write is scoped by both. */
function keyOfProduct(productId: string, id: string) {
  return and(eq(apiKeys.id, id), eq(apiKeys.productId, productId));
}

export function libsqlApiKeys(db: Executor): ApiKeyStore {
  return {
    async insert(key) {
      await conflictOnDuplicate("API key prefix collision; try again", () =>
        db.insert(apiKeys).values({ ...key, permissions: JSON.stringify(key.permissions) }),
      );
    },
    async findByPrefix(prefix) {
      const row = await db
        .select({ key: apiKeys, orgId: products.orgId })
        .from(apiKeys)
        .innerJoin(products, eq(products.id, apiKeys.productId))
        .where(eq(apiKeys.prefix, prefix))
        .get();
      return row === undefined ? null : { ...toRecord(row.key), orgId: row.orgId };
    },
    async findAccess(id, userId) {
      // The membership join is the tenancy check: role is null for another org's key.
      const row = await db
        .select({ key: apiKeys, orgId: products.orgId, role: orgMembers.role })
        .from(apiKeys)
        .innerJoin(products, eq(products.id, apiKeys.productId))
        .leftJoin(orgMembers, and(eq(orgMembers.orgId, products.orgId), eq(orgMembers.userId, userId)))
        .where(eq(apiKeys.id, id))
        .get();
      return row === undefined ? null : { apiKey: toRecord(row.key), orgId: row.orgId, role: row.role ?? null };
    },
    async listByProduct(productId, page) {
      const where = eq(apiKeys.productId, productId);
      const rows = await db.select().from(apiKeys).where(where).orderBy(desc(apiKeys.id)).limit(page.pageSize).offset(offsetOf(page));
      const totals = await db.select({ total: count() }).from(apiKeys).where(where);
      return { items: rows.map(toRecord), total: totals[0]?.total ?? 0 };
    },
    async update(productId, id, patch, now) {
      const result = await db
        .update(apiKeys)
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.permissions !== undefined ? { permissions: JSON.stringify(patch.permissions) } : {}),
          updatedAt: now,
        })
        .where(keyOfProduct(productId, id));
      return result.rowsAffected > 0;
    },
    async rotate(productId, id, prefix, secretHash, now) {
      // One statement: the old prefix stops resolving the instant it commits. A revoked key is never revived.
      const result = await conflictOnDuplicate("API key prefix collision; try again", () =>
        db
          .update(apiKeys)
          .set({ prefix, secretHash, updatedAt: now })
          .where(and(keyOfProduct(productId, id), isNull(apiKeys.revokedAt))),
      );
      return result.rowsAffected > 0;
    },
    async revoke(productId, id, now) {
      const result = await db
        .update(apiKeys)
        .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${now})`, updatedAt: now })
        .where(keyOfProduct(productId, id));
      return result.rowsAffected > 0;
    },
    async delete(productId, id) {
      const result = await db.delete(apiKeys).where(keyOfProduct(productId, id));
      return result.rowsAffected > 0;
    },
    async touch(id, now) {
      await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
    },
  };
}
