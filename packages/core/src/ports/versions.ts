import type { VersionRecord } from "../records/version.ts";

export type VersionPatch = Partial<Pick<VersionRecord, "notes" | "required" | "fileId" | "releasedAt" | "yankedAt">>;

/** A product's versions; every query filters by product. */
export interface VersionStore {
  /** Throws GgError CONFLICT when the product's channel already has this version. */
  insert(record: VersionRecord): Promise<void>;
  /** Every version of the product (optionally of one channel), in no particular order: semver order is core's. */
  listByProduct(productId: string, channel?: string): Promise<VersionRecord[]>;
  find(productId: string, versionId: string): Promise<VersionRecord | null>;
  /** Applies the patch (and updatedAt) to the product's version; false when there is none. */
  update(productId: string, versionId: string, patch: VersionPatch, now: number): Promise<boolean>;
}
