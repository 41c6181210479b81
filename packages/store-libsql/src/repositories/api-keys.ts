import { and, desc, eq } from "drizzle-orm";
import type { ApiKeyRecord, ApiKeyStore, Scope } from "@geckoguard/core";
import type { Executor } from "../executor.ts";
import { apiKeys, orgMembers, products } from "../schema/index.ts";

type ApiKeyRow = typeof apiKeys.$inferSelect;

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return { ...row, permissions: JSON.parse(row.permissions) as Scope[] };
}

export function libsqlApiKeys(db: Executor): ApiKeyStore {
  return {
    async insert(key) {
      await db.insert(apiKeys).values({ ...key, permissions: JSON.stringify(key.permissions) });
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
    async listByProduct(productId) {
      const rows = await db.select().from(apiKeys).where(eq(apiKeys.productId, productId)).orderBy(desc(apiKeys.id));
      return rows.map(toRecord);
    },
    async update(id, patch, now) {
      await db
        .update(apiKeys)
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.permissions !== undefined ? { permissions: JSON.stringify(patch.permissions) } : {}),
          updatedAt: now,
        })
        .where(eq(apiKeys.id, id));
    },
    async rotate(id, prefix, secretHash, now) {
      await db.update(apiKeys).set({ prefix, secretHash, updatedAt: now }).where(eq(apiKeys.id, id));
    },
    async revoke(id, now) {
      await db.update(apiKeys).set({ revokedAt: now, updatedAt: now }).where(eq(apiKeys.id, id));
    },
    async delete(id) {
      await db.delete(apiKeys).where(eq(apiKeys.id, id));
    },
    async touch(id, now) {
      await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
    },
  };
}
