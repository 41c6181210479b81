import type { UserRecord } from "../records/user.ts";

export type UserPatch = Partial<
  Pick<UserRecord, "name" | "passwordHash" | "emailVerifiedAt" | "totpSecret" | "totpPendingSecret" | "totpLastStep" | "activeOrgId">
>;

export interface UserStore {
  /** Throws GgError CONFLICT when the (lower-cased) email is taken. */
  insert(user: UserRecord): Promise<void>;
  /**
   * Inserts only while the deployment has no account at all, in one guarded statement:
   * of concurrent callers (any process on the database) at most one gets true. False
   * writes nothing, whatever the email (an existing email is not a CONFLICT here).
   */
  insertIfFirst(user: UserRecord): Promise<boolean>;
  /** Whether any account exists (one indexed read). */
  anyExists(): Promise<boolean>;
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
