import type { AuditChange, AuditChanges } from "../audit/audit-entry.ts";
import { changedFields, createdFields } from "../audit/changed-fields.ts";
import type { Store } from "../ports/store.ts";
import type { LicenseRecord, LicenseView } from "../records/license.ts";

/**
 * The license fields the audit log names when they move. Never the key: it is what an
 * end user authorizes with. Times are shown as ISO 8601.
 */
const FIELDS = ["status", "frozen", "frozenAt", "expiresAt", "durationDays", "policyOverrides", "hwids", "ips", "note", "metadata", "endUserId", "redeemedAt"] as const;
const CREATED_FIELDS = ["status", "expiresAt", "durationDays", "policyOverrides", "hwids", "ips", "note", "metadata", "endUserId"] as const;
const TIMES = new Set<string>(["frozenAt", "expiresAt", "redeemedAt"]);

type Audited = Pick<LicenseRecord, (typeof FIELDS)[number]>;

function readable(license: Audited): Audited {
  const shown = { ...license } as Record<string, unknown>;
  for (const field of TIMES) if (typeof shown[field] === "number") shown[field] = new Date(shown[field] as number).toISOString();
  return shown as unknown as Audited;
}

export function licenseAuditChange(action: string, license: Pick<LicenseRecord, "id" | "productId">, orgId: string, changes: AuditChanges | null): AuditChange {
  return { action, resource: { type: "license", id: license.id }, orgId, productId: license.productId, changes };
}

/** The fields that moved between two states of a license. */
export function licenseChanges(before: Audited, after: Audited): AuditChanges | null {
  return changedFields(readable(before), readable(after), FIELDS);
}

/** A new license's fields (a creation or an import). */
export function licenseCreation(license: Audited): AuditChanges {
  return createdFields(readable(license), CREATED_FIELDS);
}

/** A deleted license's fields, as [value, null]. */
export function licenseDeletion(license: Audited): AuditChanges {
  return Object.fromEntries(Object.entries(licenseCreation(license)).map(([field, [, value]]) => [field, [value, null]]));
}

/** The org of each product the licenses belong to (one read per product, in the caller's transaction). */
export async function orgsOfLicenses(tx: Store, licenses: Pick<LicenseView, "productId">[]): Promise<Map<string, string>> {
  const orgs = new Map<string, string>();
  for (const productId of new Set(licenses.map((l) => l.productId))) {
    const product = await tx.products.find(productId);
    if (product !== null) orgs.set(productId, product.orgId);
  }
  return orgs;
}
