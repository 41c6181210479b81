import { readableTimestamp, type LicensePatch, type LicensePolicyOverrides, type LicenseRecord, type LicenseView, type ProductPolicy } from "@geckoguard/core";
import { endUsers, licenses, products } from "../schema/index.ts";

/** The columns every license read selects: the license, its owner and its product's policy. */
export const licenseViewColumns = {
  license: licenses,
  ownerId: endUsers.id,
  ownerUsername: endUsers.username,
  ownerEmail: endUsers.email,
  productPolicy: products.policy,
};

type LicenseRow = typeof licenses.$inferSelect;
export interface LicenseViewRow {
  license: LicenseRow;
  ownerId: string | null;
  ownerUsername: string | null;
  ownerEmail: string | null;
  productPolicy: string;
}

const EMPTY_LIST = "[]";
const EMPTY_OBJECT = "{}";
/** Most licenses have no bindings, overrides or metadata: skip the parser for those. */
const parseList = (json: string): string[] => (json === EMPTY_LIST ? [] : (JSON.parse(json) as string[]));
const parseObject = <T>(json: string): T => (json === EMPTY_OBJECT ? ({} as T) : (JSON.parse(json) as T));

const nullableTime = (ms: number | null) => (ms === null ? null : readableTimestamp(ms));

/**
 * A row written before dates were bounded (or by hand) may hold an instant no Date can
 * print: it reads as the nearest bound, so one bad row never breaks a list, an export
 * or authorize (core's schemas/timestamp.ts has the rule).
 */
function readableTimes(license: LicenseRow) {
  return {
    frozenAt: nullableTime(license.frozenAt),
    expiresAt: nullableTime(license.expiresAt),
    redeemedAt: nullableTime(license.redeemedAt),
    lastAuthorizedAt: nullableTime(license.lastAuthorizedAt),
    createdAt: readableTimestamp(license.createdAt),
    updatedAt: readableTimestamp(license.updatedAt),
  };
}

/** Row → view. Policies repeat across a page, so each distinct JSON is parsed once. */
export function toLicenseViews(rows: LicenseViewRow[]): LicenseView[] {
  const policies = new Map<string, ProductPolicy>();
  return rows.map((row) => {
    let policy = policies.get(row.productPolicy);
    if (policy === undefined) {
      policy = JSON.parse(row.productPolicy) as ProductPolicy;
      policies.set(row.productPolicy, policy);
    }
    return {
      ...row.license,
      ...readableTimes(row.license),
      policyOverrides: parseObject<LicensePolicyOverrides>(row.license.policyOverrides),
      hwids: parseList(row.license.hwids),
      ips: parseList(row.license.ips),
      metadata: parseObject<Record<string, unknown>>(row.license.metadata),
      owner: row.ownerId === null ? null : { id: row.ownerId, username: row.ownerUsername!, email: row.ownerEmail },
      productPolicy: policy,
    };
  });
}

/** Record → row values (JSON columns serialised). */
export function toLicenseRow(license: LicenseRecord): LicenseRow {
  return {
    ...license,
    policyOverrides: JSON.stringify(license.policyOverrides),
    hwids: JSON.stringify(license.hwids),
    ips: JSON.stringify(license.ips),
    metadata: JSON.stringify(license.metadata),
  };
}

/** Patch → column values (only what the patch names). */
export function toLicenseSet(patch: LicensePatch): Partial<LicenseRow> {
  const { policyOverrides, hwids, ips, metadata, ...plain } = patch;
  return {
    ...plain,
    ...(policyOverrides !== undefined ? { policyOverrides: JSON.stringify(policyOverrides) } : {}),
    ...(hwids !== undefined ? { hwids: JSON.stringify(hwids) } : {}),
    ...(ips !== undefined ? { ips: JSON.stringify(ips) } : {}),
    ...(metadata !== undefined ? { metadata: JSON.stringify(metadata) } : {}),
  };
}
