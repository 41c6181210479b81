import type { UserRecord } from "../records/user.ts";

export type UserPatch = Partial<
  Pick<UserRecord, "name" | "passwordHash" | "emailVerifiedAt" | "totpSecret" | "totpPendingSecret" | "totpLastStep" | "activeOrgId">
>;

export interface UserStore {
  /** Throws GgError CONFLICT when the (lower-cased) email is taken. */
  insert(user: UserRecord): Promise<void>;
  findById(id: string): Promise<UserRecord | null>;
  /** `email` must already be lower-cased. */
  findByEmail(email: string): Promise<UserRecord | null>;
  update(id: string, patch: UserPatch, now: number): Promise<void>;
  /**
   * Records `step` as the last accepted TOTP step only if it is newer than the stored
   * one, in one guarded write. Returns false when the step (or a newer one) was already
   * used, so of two concurrent requests with the same code exactly one wins.
   */
  advanceTotpStep(id: string, step: number): Promise<boolean>;
}
