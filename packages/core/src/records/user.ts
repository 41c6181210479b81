/** A dashboard account. Times are epoch milliseconds. */
export interface UserRecord {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
  emailVerifiedAt: number | null;
  /** Base32 TOTP secret once 2FA is enabled. */
  totpSecret: string | null;
  /** Secret handed out by setup and not yet confirmed by enable. */
  totpPendingSecret: string | null;
  /** Highest TOTP time step ever accepted; a code of that step or older is refused. */
  totpLastStep: number | null;
  activeOrgId: string | null;
  createdAt: number;
  updatedAt: number;
}
