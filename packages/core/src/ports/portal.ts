import type { EndUserRecord } from "../records/end-user.ts";
import type { PortalSettings } from "../records/portal.ts";
import type { OneTimeTokenStore, RefreshTokenStore } from "./tokens.ts";

export interface PortalSettingsStore {
  /** The org's saved settings; null when it never saved any (the caller applies the defaults). */
  find(orgId: string): Promise<PortalSettings | null>;
  /** Creates or replaces the org's settings. */
  save(orgId: string, settings: PortalSettings, now: number): Promise<void>;
}

/** An end user with the password hash only the portal's auth use cases read. */
export interface EndUserAccount {
  endUser: EndUserRecord;
  passwordHash: string | null;
}

export type EndUserProfilePatch = Partial<Pick<EndUserRecord, "username" | "email">>;

/**
 * End users as portal accounts: the same token ports as dashboard accounts, over tables
 * of their own, so a token of one kind of account never names the other kind.
 */
export interface EndUserAccountStore {
  refreshTokens: RefreshTokenStore;
  oneTimeTokens: OneTimeTokenStore;
  findById(id: string): Promise<EndUserAccount | null>;
  /**
   * The org's end user whose username or email equals `login` (case-insensitive) and who
   * has a password. When an email is shared by several (vendors may create such), the
   * oldest account with a password wins.
   */
  findForLogin(orgId: string, login: string): Promise<EndUserAccount | null>;
  /** Whether another end user of the org (not `exceptId`) has this email (case-insensitive). */
  emailTaken(orgId: string, email: string, exceptId?: string): Promise<boolean>;
  setPassword(id: string, passwordHash: string, now: number): Promise<void>;
  /** Throws GgError CONFLICT when the username is taken in the org. */
  updateProfile(id: string, patch: EndUserProfilePatch, now: number): Promise<void>;
}

/** The rule a self-service reset must pass (docs/portal.md#device-resets). */
export interface SelfResetLimits {
  cooldownMs: number;
  windowMs: number;
  maxInWindow: number;
}

export interface SelfResetStore {
  /**
   * Records one self-service reset of the license at `at` only if the limits allow it (no
   * reset within `cooldownMs`, fewer than `maxInWindow` within `windowMs`), in one guarded
   * statement: of concurrent callers only as many win as the limits allow.
   */
  claim(reset: { id: string; licenseId: string; endUserId: string; at: number }, limits: SelfResetLimits): Promise<boolean>;
  /** Times of the license's self-service resets after `since`, oldest first. */
  since(licenseId: string, since: number): Promise<number[]>;
}
