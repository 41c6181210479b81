import { newOpaqueToken } from "../auth/opaque-tokens.ts";

/** An invitation link works for a week; a resend starts a new week with a new token. */
export const INVITE_TTL_MS = 7 * 86400_000;

/** A fresh invite token (256 random bits; only its SHA-256 is stored, like every mailed token). */
export function newInviteToken(): { token: string; hash: string } {
  return newOpaqueToken("gg_inv");
}
