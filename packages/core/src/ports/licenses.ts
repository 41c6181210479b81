import type { OrgRole } from "../orgs/roles.ts";
import type { LicenseRecord, LicenseView } from "../records/license.ts";

/** Whose licenses a query may see; the adapter puts this in the WHERE clause. */
export type LicenseScope =
  | { kind: "product"; productId: string }
  | { kind: "org"; orgId: string }
  /** Every org the user is a member of. */
  | { kind: "user"; userId: string };

export interface LicenseFilter {
  productId?: string;
  status?: "active" | "revoked";
  frozen?: boolean;
  /** true: expiresAt <= now; false: not expired (null or in the future). */
  expired?: boolean;
  /** Case-insensitive partial match over key, note, owner username and email. */
  search?: string;
  endUserId?: string;
  /** Expiring within [now, expiresBefore). */
  expiresBefore?: number;
}

export type LicensePatch = Partial<Omit<LicenseRecord, "id" | "productId" | "key" | "createdAt" | "updatedAt">>;

export interface LicenseCounts {
  total: number;
  byStatus: { valid: number; expired: number; frozen: number; revoked: number };
  byProduct: { productId: string; total: number; valid: number; expired: number; frozen: number; revoked: number }[];
}

export interface LicenseStore {
  /** Inserts all or none; a key already in the product → GgError CONFLICT listing it. */
  insertMany(licenses: LicenseRecord[]): Promise<void>;
  /** One license of a product (the product filter is the tenancy check). */
  findInProduct(productId: string, licenseId: string): Promise<LicenseView | null>;
  /** A license and the user's role in its product's org; null when no such license. */
  findAccess(licenseId: string, userId: string): Promise<{ license: LicenseView; orgId: string; role: OrgRole | null } | null>;
  /** Licenses with this key in the orgs the user belongs to (and in `productId`, when given). */
  findByKeyForUser(key: string, userId: string, productId?: string): Promise<{ license: LicenseView; orgId: string; role: OrgRole }[]>;
  /** Licenses with this key in the org's products (the portal's redeem: one org, any product). */
  findByKeyInOrg(key: string, orgId: string): Promise<LicenseView[]>;
  /** Sets the owner (and clock fields) only if the license has none yet; false when it already had one. */
  assignOwner(id: string, patch: LicensePatch & { endUserId: string }, now: number): Promise<boolean>;
  /** A page of licenses in scope, newest first, and the total matching. */
  list(scope: LicenseScope, filter: LicenseFilter, page: { offset: number; limit: number }, now: number): Promise<{ items: LicenseView[]; total: number }>;
  /** The subset of `ids` that exist in scope (bulk operations check all are there first). */
  loadMany(scope: LicenseScope, ids: string[]): Promise<LicenseView[]>;
  /** Keys from `keys` that already exist in the product (import conflicts). */
  existingKeys(productId: string, keys: string[]): Promise<string[]>;
  update(id: string, patch: LicensePatch, now: number): Promise<void>;
  deleteMany(ids: string[]): Promise<number>;
  counts(scope: LicenseScope, now: number): Promise<LicenseCounts>;
  /**
   * The same licenses as `scan`, already encoded as CSV lines (CSV_COLUMNS order, no
   * header), one string per batch. Must equal `formatCsvRow(toCsvFields(view))` per row.
   */
  scanCsv(scope: LicenseScope, filter: LicenseFilter, batchSize: number, now: number): AsyncIterable<string>;
  /** Licenses in scope in id order, `batchSize` at a time, for streaming exports. */
  scan(scope: LicenseScope, filter: LicenseFilter, batchSize: number, now: number): AsyncIterable<LicenseView[]>;
}
