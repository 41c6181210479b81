/** How long an access token lives; the refresh answer reports it as `expiresIn`. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Who an end-user (portal) access token speaks for. */
export interface EndUserClaims {
  endUserId: string;
  orgId: string;
}

/**
 * Issues and checks short-lived access tokens; the adapter (JWT in @geckoguard/drivers)
 * lives outside core. Dashboard and end-user tokens carry different audiences: each
 * `verify` refuses the other kind.
 */
export interface AccessTokenService {
  issue(userId: string, nowMs: number): Promise<string>;
  /** The user id (`sub`); throws UNAUTHORIZED for anything not a live dashboard access token. */
  verify(token: string, nowMs: number): Promise<string>;
  /** A portal token for an end user of `orgId` (docs/portal.md#tokens). */
  issueEndUser(claims: EndUserClaims, nowMs: number): Promise<string>;
  /** Throws UNAUTHORIZED for anything not a live end-user access token. */
  verifyEndUser(token: string, nowMs: number): Promise<EndUserClaims>;
}
