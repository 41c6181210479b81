import type { Scope } from "../apikeys/scopes.ts";
import type { LicenseRecord } from "../records/license.ts";
import type { ProductPolicy } from "../products/policy.ts";
import type { SessionRecord } from "../records/session.ts";
import type { VersionCatalog } from "../versions/catalog.ts";
import type { LICENSE_DENIAL_CODES } from "../authorize/decide.ts";

/** How an authorize call that reached the license ended: allowed, or a license verdict's code. */
export type AuthorizeOutcome = "ALLOWED" | (typeof LICENSE_DENIAL_CODES)[number];

export interface AuthorizeKey {
  id: string;
  productId: string;
  orgId: string;
  secretHash: string;
  permissions: readonly Scope[];
  revoked: boolean;
}

export type AuthorizeLicense = Pick<
  LicenseRecord,
  "id" | "productId" | "key" | "status" | "frozen" | "frozenAt" | "expiresAt" | "durationDays" | "hwids" | "ips" | "channels" | "updatesUntil"
> & {
  /** The policy in force: product defaults overlaid with the license's overrides. */
  policy: ProductPolicy;
};

/** What the SDK reported about the machine on authorize (optional body fields). */
export interface DeviceReport {
  name?: string;
  platform?: string;
}

/** The bound HWID and IP an allowed call came from (absent when not bound), and what it reported. */
export interface Sighting {
  hwid?: string;
  ip?: string;
  device: DeviceReport;
}

/**
 * What POST /v1/licenses/authorize reads and writes, named for the hot path. Reads must
 * see every committed change (a revoked key or license fails at once). Methods marked
 * durable have committed before they resolve; batched ones are flushed within a second
 * and by `flush()`.
 */
export interface AuthorizeStore {
  findKey(prefix: string): Promise<AuthorizeKey | null>;
  findLicense(productId: string, key: string): Promise<AuthorizeLicense | null>;
  /** Which entry type of the product's blacklist matches, HWID first; `ipHex` as ipToHex gives it. */
  blacklisted(productId: string, hwid: string | undefined, ipHex: string | null): Promise<"HWID" | "IP" | null>;
  /** The session `sessionId` of `licenseId` (null when the license has none such), with the HWID it was opened from. */
  findSession(licenseId: string, sessionId: string): Promise<{ revoked: boolean; expiresAt: number; hwid: string | null } | null>;
  countLiveSessions(licenseId: string, now: number): Promise<number>;
  /**
   * Durable. Binds `value` iff it is not bound and fewer than the policy's maximum are,
   * first and last seen `now` (an HWID with the reported name and platform); false when
   * a concurrent call took the slot. A new HWID records `license.hwid_bound` in the same
   * transaction (webhook outbox).
   */
  bind(kind: "hwid" | "ip", license: AuthorizeLicense, value: string, now: number, device: DeviceReport): Promise<boolean>;
  /** Durable. Sets expiresAt iff the clock has not started (first authorize of a duration license). */
  startClock(licenseId: string, expiresAt: number, now: number): Promise<void>;
  /**
   * Durable. Inserts iff fewer than the policy's `maxSessions` live sessions exist; false
   * when the cap was hit concurrently. Records `session.opened` in the same transaction.
   */
  openSession(session: SessionRecord, license: AuthorizeLicense, now: number): Promise<boolean>;
  /**
   * Durable. Ends the session `sessionId` of `license` (its revokedAt becomes `now`) iff
   * it is not ended yet; false when it already was. Records `session.revoked` in the same
   * transaction. A heartbeat still batched for it never brings it back.
   */
  releaseSession(license: AuthorizeLicense, sessionId: string, now: number): Promise<boolean>;
  /** Batched: extends a live session and stamps it seen. */
  heartbeat(sessionId: string, expiresAt: number, now: number): void;
  /**
   * Batched: the license's lastAuthorizedAt, and the last-seen time of the bound HWID and
   * IP of the call (with the name and platform reported), at the store's granularity.
   */
  touchLicense(license: AuthorizeLicense, seen: Sighting, now: number): void;
  /**
   * The app variables of a license (docs/variables.md): the product's values with the
   * license's overrides over them, secret ones included, as own properties (built with
   * Object.fromEntries, so any allowed name is a plain key).
   */
  appVariables(productId: string, licenseId: string): Promise<Record<string, string>>;
  /** The product's version catalogue (docs/versions.md), as versionCatalog builds it from its rows. */
  versionCatalog(productId: string): Promise<VersionCatalog>;
  /**
   * Batched: one more call of the product ended with `outcome` on the UTC day of `now`
   * (org analytics). Counted in memory and added to the stored daily counts by the flush,
   * never written per call.
   */
  countOutcome(productId: string, outcome: AuthorizeOutcome, now: number): void;
  /** PKCS#8 PEM of the product's response-signing key. */
  signingKeyPem(productId: string): Promise<string | null>;
  /** Writes everything batched so far (shutdown, tests). */
  flush(): Promise<void>;
}

/** Nonces seen per API key. */
export interface NonceStore {
  /**
   * Records `nonce` for `scope` until `expiresAt`; true for the first caller, false for
   * every later one while it is remembered (exactly one of concurrent callers wins).
   */
  consume(scope: string, nonce: string, expiresAt: number, now: number): Promise<boolean>;
}
