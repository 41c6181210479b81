import { sql } from "drizzle-orm";
import { readableTimestamp, type LicensePatch, type LicensePolicyOverrides, type LicenseRecord, type LicenseView, type ProductPolicy } from "@geckoguard/core";
import { endUsers, licenses, products } from "../../schema/index.ts";
import { devicesJsonSql, ipsJsonSql, parseDevices, parseIps } from "./license-bindings.ts";
import { parseProductPolicy } from "./product-policy-column.ts";

/** The columns every license read selects: the license, its bindings, its owner and its product's policy. */
export const licenseViewColumns = {
  license: licenses,
  devices: sql<string>`${sql.raw(devicesJsonSql(`"licenses"."id"`))}`,
  ips: sql<string>`${sql.raw(ipsJsonSql(`"licenses"."id"`))}`,
  ownerId: endUsers.id,
  ownerUsername: endUsers.username,
  ownerEmail: endUsers.email,
  productPolicy: products.policy,
};

type LicenseRow = typeof licenses.$inferSelect;
export interface LicenseViewRow {
  license: LicenseRow;
  /** devicesJsonSql / ipsJsonSql text. */
  devices: string;
  ips: string;
  ownerId: string | null;
  ownerUsername: string | null;
  ownerEmail: string | null;
  productPolicy: string;
}

const EMPTY_OBJECT = "{}";
/** Most licenses have no overrides or metadata: skip the parser for those. */
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
      policy = parseProductPolicy(row.productPolicy);
      policies.set(row.productPolicy, policy);
    }
    const devices = parseDevices(row.devices);
    return {
      ...row.license,
      ...readableTimes(row.license),
      policyOverrides: parseObject<LicensePolicyOverrides>(row.license.policyOverrides),
      hwids: devices.map((device) => device.hwid),
      ips: parseIps(row.ips),
      devices,
      metadata: parseObject<Record<string, unknown>>(row.license.metadata),
      owner: row.ownerId === null ? null : { id: row.ownerId, username: row.ownerUsername!, email: row.ownerEmail },
      productPolicy: policy,
    };
  });
}

/** Record → row values (JSON columns serialised; the bindings are rows of their own: license-bindings.ts). */
export function toLicenseRow(license: LicenseRecord): LicenseRow {
  const { hwids: _hwids, ips: _ips, ...columns } = license;
  return {
    ...columns,
    policyOverrides: JSON.stringify(license.policyOverrides),
    metadata: JSON.stringify(license.metadata),
  };
}

/** Patch → column values (only what the patch names; `hwids`/`ips` go to replaceBindings). */
export function toLicenseSet(patch: LicensePatch): Partial<LicenseRow> {
  const { policyOverrides, hwids: _hwids, ips: _ips, metadata, ...plain } = patch;
  return {
    ...plain,
    ...(policyOverrides !== undefined ? { policyOverrides: JSON.stringify(policyOverrides) } : {}),
    ...(metadata !== undefined ? { metadata: JSON.stringify(metadata) } : {}),
  };
}
