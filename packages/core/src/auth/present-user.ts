import { toIso, toIsoOrNull } from "../clock.ts";
import type { UserRecord } from "../records/user.ts";

/** The user as the API shows it: no hash, no TOTP secret. */
export function presentUser(user: UserRecord) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    emailVerified: user.emailVerifiedAt !== null,
    emailVerifiedAt: toIsoOrNull(user.emailVerifiedAt),
    totpEnabled: user.totpSecret !== null,
    createdAt: toIso(user.createdAt),
    updatedAt: toIso(user.updatedAt),
  };
}
export type PublicUser = ReturnType<typeof presentUser>;
