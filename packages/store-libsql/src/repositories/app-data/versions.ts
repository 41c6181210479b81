import { and, eq } from "drizzle-orm";
import type { VersionStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { productVersions } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";

/** A product's versions; each statement filters by product. */
export function libsqlVersions(db: Executor): VersionStore {
  const ofProduct = (productId: string, versionId: string) => and(eq(productVersions.productId, productId), eq(productVersions.id, versionId));
  return {
    async insert(record) {
      await conflictOnDuplicate(`Version ${record.version} already exists in channel '${record.channel}'`, () => db.insert(productVersions).values(record));
    },
    async listByProduct(productId, channel) {
      const where = channel === undefined ? eq(productVersions.productId, productId) : and(eq(productVersions.productId, productId), eq(productVersions.channel, channel));
      return db.select().from(productVersions).where(where);
    },
    async find(productId, versionId) {
      const [row] = await db.select().from(productVersions).where(ofProduct(productId, versionId));
      return row ?? null;
    },
    async update(productId, versionId, patch, now) {
      const updated = await db.update(productVersions).set({ ...patch, updatedAt: now }).where(ofProduct(productId, versionId)).returning({ id: productVersions.id });
      return updated.length > 0;
    },
  };
}
