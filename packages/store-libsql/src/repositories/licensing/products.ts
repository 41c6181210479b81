import { and, asc, eq } from "drizzle-orm";
import type { ProductRecord, ProductStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { orgMembers, products } from "../../schema/index.ts";
import { parseProductPolicy } from "./product-policy-column.ts";

const productColumns = {
  id: products.id,
  orgId: products.orgId,
  name: products.name,
  policy: products.policy,
  publicKey: products.publicKey,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
};

type ProductRow = Omit<ProductRecord, "policy"> & { policy: string };

function toRecord(row: ProductRow): ProductRecord {
  return { ...row, policy: parseProductPolicy(row.policy) };
}

export function libsqlProducts(db: Executor): ProductStore {
  return {
    async insert(product, privateKeyPem) {
      await db.insert(products).values({ ...product, policy: JSON.stringify(product.policy), privateKey: privateKeyPem });
    },
    async find(productId) {
      const row = await db.select(productColumns).from(products).where(eq(products.id, productId)).get();
      return row === undefined ? null : toRecord(row);
    },
    async findAccess(productId, userId) {
      // The membership join is the tenancy check: role is null for another org's product.
      const row = await db
        .select({ product: productColumns, role: orgMembers.role })
        .from(products)
        .leftJoin(orgMembers, and(eq(orgMembers.orgId, products.orgId), eq(orgMembers.userId, userId)))
        .where(eq(products.id, productId))
        .get();
      return row === undefined ? null : { product: toRecord(row.product), role: row.role ?? null };
    },
    async listByOrg(orgId) {
      const rows = await db.select(productColumns).from(products).where(eq(products.orgId, orgId)).orderBy(asc(products.id));
      return rows.map(toRecord);
    },
    async update(productId, patch, now) {
      await db
        .update(products)
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.policy !== undefined ? { policy: JSON.stringify(patch.policy) } : {}),
          updatedAt: now,
        })
        .where(eq(products.id, productId));
    },
    async moveToOrg(productId, orgId, now) {
      // Licenses, keys and end-user links hang off the product id, so they move with it.
      await db.update(products).set({ orgId, updatedAt: now }).where(eq(products.id, productId));
    },
    async delete(productId) {
      await db.delete(products).where(eq(products.id, productId));
    },
    async signingKey(productId) {
      const row = await db.select({ key: products.privateKey }).from(products).where(eq(products.id, productId)).get();
      return row?.key ?? null;
    },
  };
}
