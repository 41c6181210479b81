import { Elysia } from "elysia";
import { Type, type Static } from "@sinclair/typebox";
import {
  GgError,
  LoginBody,
  TokenPairSchema,
  TwoFactorChallengeSchema,
  VerifyLoginBody,
  login,
  logout,
  refresh,
  verifyLogin,
  type GgContext,
} from "@geckoguard/core";
import { ok } from "../http/envelope.ts";
import { answerHoldsSecret } from "../http/idempotency.ts";
import { limitByIp } from "../http/rate-limit.ts";
import { answers } from "../openapi/answer-doc.ts";
import { Done } from "../openapi/answer-shapes.ts";
import { cameOverHttps, clearRefreshCookie, COOKIE_ROUTES_PATH, readRefreshCookie, setRefreshCookie } from "../dashboard/refresh-cookie.ts";
import { authAttemptLimits } from "./auth.ts";

const tags = ["Auth"];

/** A token pair whose refresh token went into the HttpOnly cookie instead of the body. */
export const CookieSessionSchema = Type.Omit(TokenPairSchema, ["refreshToken"], { $id: "CookieSession", additionalProperties: false });
type TokenPair = Static<typeof TokenPairSchema>;

/**
 * The web dashboard's sign-in, refresh and sign-out (docs/decisions.md, "The dashboard's
 * refresh cookie"): the same use cases as /v1/auth/*, but the refresh token is set as an
 * HttpOnly, SameSite=Strict cookie scoped to this path and never appears in a body, so
 * no script of the page can read it. API clients keep the JSON token pair of /v1/auth/*.
 */
export function authCookieRoutes(ctx: GgContext, options: { prefix: string; trustedProxyHops: number }) {
  const { byEmail, byChallenge } = authAttemptLimits(ctx);
  const cookiePath = options.prefix + COOKIE_ROUTES_PATH;
  const secure = (request: Request) => cameOverHttps(request, options.trustedProxyHops);
  const session = (pair: TokenPair, request: Request, set: { headers: Record<string, string | number> }) => {
    const { refreshToken, ...rest } = pair;
    setRefreshCookie(set, refreshToken, cookiePath, secure(request));
    return ok(rest);
  };
  return new Elysia({ prefix: COOKIE_ROUTES_PATH })
    .onTransform(limitByIp(ctx))
    .post(
      "/login",
      async ({ body, request, set }) => {
        const result = await login(ctx, body);
        return "twoFactorRequired" in result ? ok(result) : session(result, request, set);
      },
      {
        transform: [answerHoldsSecret, byEmail],
        body: LoginBody,
        detail: { summary: "Dashboard sign-in: the refresh token is set as an HttpOnly cookie (or a 2FA challenge)", ...answers(Type.Union([CookieSessionSchema, TwoFactorChallengeSchema]), { errors: ["INVALID_CREDENTIALS"] }), tags },
      },
    )
    .post("/totp/verify-login", async ({ body, request, set }) => session(await verifyLogin(ctx, body), request, set), {
      transform: [answerHoldsSecret, byChallenge],
      body: VerifyLoginBody,
      detail: { summary: "Dashboard 2FA answer: the refresh token is set as an HttpOnly cookie", ...answers(CookieSessionSchema, { errors: ["INVALID_TOTP", "UNAUTHORIZED"] }), tags },
    })
    .post(
      "/refresh",
      async ({ request, set }) => {
        const token = readRefreshCookie(request);
        if (token === null) throw new GgError("UNAUTHORIZED", "No dashboard session: sign in");
        try {
          return session(await refresh(ctx, token), request, set);
        } catch (error) {
          // A dead cookie is of no further use; the browser drops it.
          clearRefreshCookie(set, cookiePath, secure(request));
          throw error;
        }
      },
      { transform: answerHoldsSecret, detail: { summary: "Dashboard token refresh from the HttpOnly cookie (single use, rotated)", ...answers(CookieSessionSchema, { errors: ["UNAUTHORIZED", "REFRESH_TOKEN_REUSED"] }), tags } },
    )
    .post(
      "/logout",
      async ({ request, set }) => {
        const token = readRefreshCookie(request);
        clearRefreshCookie(set, cookiePath, secure(request));
        try {
          if (token !== null) await logout(ctx, token);
        } catch (error) {
          // An unknown or dead token is signed out already; anything else is a real failure.
          if (!(error instanceof GgError)) throw error;
        }
        return ok({ loggedOut: true });
      },
      { detail: { summary: "Dashboard sign-out: revokes the cookie's refresh token and clears the cookie", ...answers(Done("loggedOut")), tags } },
    );
}
