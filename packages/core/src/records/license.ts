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
  /** The release channels whose versions the license follows (docs/versions.md); default ["stable"]. */
  channels: string[];
  /** Entitled to versions released before this time (epoch ms); null: to every version. */
  updatesUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface LicenseOwner {
  id: string;
  username: string;
  email: string | null;
}

/**
 * A machine bound to a license: one per entry of `hwids`, in the same order. Times are
 * epoch milliseconds; `lastSeenAt` moves at a coarse granularity (docs/authorize.md,
 * "Devices"). Name and platform are what the SDK last reported, when it did.
 */
export interface LicenseDevice {
  hwid: string;
  name: string | null;
  platform: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** A license with what answers need beside it: its devices, its owner and its product's policy. */
export interface LicenseView extends LicenseRecord {
  devices: LicenseDevice[];
  owner: LicenseOwner | null;
  productPolicy: ProductPolicy;
}
