import { SignJWT, jwtVerify } from "jose";
import { ACCESS_TOKEN_TTL_SECONDS, GgError, type AccessTokenService } from "@geckoguard/core";

const ISSUER = "geckoguard";
const AUDIENCE = "geckoguard:dashboard";

/** HS256 JWT access tokens (jose), 15 minutes, `sub` = user id. */
export function jwtAccessTokens(secret: Uint8Array): AccessTokenService {
  if (secret.byteLength < 32) throw new Error("The JWT secret must be at least 32 bytes");
  return {
    issue(userId, nowMs) {
      const iat = Math.floor(nowMs / 1000);
      return new SignJWT({ typ: "access" })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
        .sign(secret);
    },
    async verify(token, nowMs) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          algorithms: ["HS256"],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: new Date(nowMs),
        });
        if (payload.typ !== "access" || typeof payload.sub !== "string") throw new Error("wrong token type");
        return payload.sub;
      } catch {
        throw new GgError("UNAUTHORIZED", "Invalid or expired access token");
      }
    },
  };
}
