import type { ProductPolicy } from "../products/policy.ts";

/** The per-license overrides of the product policy (all optional). */
export type LicensePolicyOverrides = Partial<Omit<ProductPolicy, "durationDays">>;

/** A license as stored. Times are epoch milliseconds. */
export interface LicenseRecord {
  id: string;
  productId: string;
  key: string;
  status: "active" | "revoked";
  frozen: boolean;
  /** When the current freeze began (null when not frozen). */
  frozenAt: number | null;
  expiresAt: number | null;
  durationDays: number | null;
  policyOverrides: LicensePolicyOverrides;
  hwids: string[];
  ips: string[];
  note: string | null;
  metadata: Record<string, unknown>;
  endUserId: string | null;
  redeemedAt: number | null;
  lastAuthorizedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface LicenseOwner {
  id: string;
  username: string;
  email: string | null;
}

/** A license with what answers need beside it: its owner and its product's policy. */
export interface LicenseView extends LicenseRecord {
  owner: LicenseOwner | null;
  productPolicy: ProductPolicy;
}

/** The policy in force for this license: product defaults, then the license's overrides. */
export function effectivePolicy(license: Pick<LicenseView, "policyOverrides" | "productPolicy" | "durationDays">): ProductPolicy {
  return { ...license.productPolicy, ...license.policyOverrides, durationDays: license.durationDays };
}
