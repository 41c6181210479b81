import { uuidv7 } from "../crypto/uuid.ts";
import type { UserRecord } from "../records/user.ts";

/** A fresh account record: no 2FA, unverified, no active org. */
export function newUserRecord(input: { email: string; name?: string | null; passwordHash: string }, now: number): UserRecord {
  return {
    id: uuidv7(now),
    email: input.email,
    name: input.name ?? null,
    passwordHash: input.passwordHash,
    emailVerifiedAt: null,
    totpSecret: null,
    totpPendingSecret: null,
    totpLastStep: null,
    activeOrgId: null,
    createdAt: now,
    updatedAt: now,
  };
}
