import { generateSecret, generateURI, verify, generate } from "otplib";

/** RFC 6238 parameters (docs/authentication.md#two-factor-sign-in-totp): SHA-1, 6 digits, 30 s, ±1 step. */
export const TOTP_PERIOD_SECONDS = 30;
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountEmail: string, issuer = "GeckoGuard"): string {
  return generateURI({ issuer, label: accountEmail, secret });
}

/**
 * The time step a code matches within ±1 step of `nowMs`, or null. A step at or
 * before `afterStep` is refused, so an accepted code cannot be used again.
 */
export async function matchTotpStep(
  secret: string,
  code: string,
  nowMs: number,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** The current code; used by tests and by `create-admin` style tooling. */
export function totpCodeAt(secret: string, nowMs: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(nowMs / 1000) });
}
