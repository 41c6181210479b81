import { SignJWT, jwtVerify, type JWTPayload } from "jose";
import { ACCESS_TOKEN_TTL_SECONDS, GgError, type AccessTokenService } from "@geckoguard/core";

const ISSUER = "geckoguard";
const DASHBOARD_AUDIENCE = "geckoguard:dashboard";
const END_USER_AUDIENCE = "geckoguard:enduser";

/**
 * HS256 JWT access tokens (jose), 15 minutes, `sub` = the account id. Dashboard tokens
 * and end-user tokens differ by audience (end-user ones also carry `org`), and each
 * verify demands its own audience, so neither kind passes for the other.
 */
export function jwtAccessTokens(secret: Uint8Array): AccessTokenService {
  if (secret.byteLength < 32) throw new Error("The JWT secret must be at least 32 bytes");

  function sign(subject: string, audience: string, claims: JWTPayload, nowMs: number): Promise<string> {
    const iat = Math.floor(nowMs / 1000);
    return new SignJWT({ typ: "access", ...claims })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(subject)
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
      .sign(secret);
  }

  async function check(token: string, audience: string, nowMs: number): Promise<JWTPayload & { sub: string }> {
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ["HS256"], issuer: ISSUER, audience, currentDate: new Date(nowMs) });
      if (payload.typ !== "access" || typeof payload.sub !== "string") throw new Error("wrong token type");
      return payload as JWTPayload & { sub: string };
    } catch {
      throw new GgError("UNAUTHORIZED", "Invalid or expired access token");
    }
  }

  return {
    issue: (userId, nowMs) => sign(userId, DASHBOARD_AUDIENCE, {}, nowMs),
    verify: async (token, nowMs) => (await check(token, DASHBOARD_AUDIENCE, nowMs)).sub,
    issueEndUser: (claims, nowMs) => sign(claims.endUserId, END_USER_AUDIENCE, { org: claims.orgId }, nowMs),
    async verifyEndUser(token, nowMs) {
      const payload = await check(token, END_USER_AUDIENCE, nowMs);
      if (typeof payload.org !== "string") throw new GgError("UNAUTHORIZED", "Invalid or expired access token");
      return { endUserId: payload.sub, orgId: payload.org };
    },
  };
}
