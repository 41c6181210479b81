/** How long an access token lives; the refresh answer reports it as `expiresIn`. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** Issues and checks short-lived access tokens; the adapter (JWT in @geckoguard/drivers) lives outside core. */
export interface AccessTokenService {
  issue(userId: string, nowMs: number): Promise<string>;
  /** The user id (`sub`); throws UNAUTHORIZED for anything not a live access token. */
  verify(token: string, nowMs: number): Promise<string>;
}
