import { and, asc, eq } from "drizzle-orm";
import type { VariableStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { licenseVariables, productVariables } from "../../schema/index.ts";

/** Product variables and license overrides; each statement filters by its owner. */
export function libsqlVariables(db: Executor): VariableStore {
  return {
    async putProductVariable(record) {
      const { createdAt: _kept, productId: _p, name: _n, ...changed } = record;
      await db.insert(productVariables).values(record).onConflictDoUpdate({ target: [productVariables.productId, productVariables.name], set: changed });
    },
    async listProductVariables(productId) {
      return db.select().from(productVariables).where(eq(productVariables.productId, productId)).orderBy(asc(productVariables.name));
    },
    async findProductVariable(productId, name) {
      const [row] = await db.select().from(productVariables).where(and(eq(productVariables.productId, productId), eq(productVariables.name, name)));
      return row ?? null;
    },
    async deleteProductVariable(productId, name) {
      const deleted = await db.delete(productVariables).where(and(eq(productVariables.productId, productId), eq(productVariables.name, name))).returning({ name: productVariables.name });
      return deleted.length > 0;
    },
    async putLicenseVariable(record) {
      const { createdAt: _kept, licenseId: _l, name: _n, ...changed } = record;
      await db.insert(licenseVariables).values(record).onConflictDoUpdate({ target: [licenseVariables.licenseId, licenseVariables.name], set: changed });
    },
    async listLicenseVariables(licenseId) {
      return db.select().from(licenseVariables).where(eq(licenseVariables.licenseId, licenseId)).orderBy(asc(licenseVariables.name));
    },
    async findLicenseVariable(licenseId, name) {
      const [row] = await db.select().from(licenseVariables).where(and(eq(licenseVariables.licenseId, licenseId), eq(licenseVariables.name, name)));
      return row ?? null;
    },
    async deleteLicenseVariable(licenseId, name) {
      const deleted = await db.delete(licenseVariables).where(and(eq(licenseVariables.licenseId, licenseId), eq(licenseVariables.name, name))).returning({ name: licenseVariables.name });
      return deleted.length > 0;
    },
  };
}
