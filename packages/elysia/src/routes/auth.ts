import { Elysia } from "elysia";
import {
  ForgotPasswordBody,
  LoginBody,
  LoginResultSchema,
  RefreshBody,
  RegisterBody,
  ResetPasswordBody,
  TokenPairSchema,
  UserSchema,
  VerifyEmailBody,
  VerifyLoginBody,
  forgotPassword,
  login,
  loginChallengeAccount,
  logout,
  normalizeEmail,
  presentUser,
  refresh,
  register,
  resetPassword,
  verifyEmail,
  verifyLogin,
  type GgContext,
} from "@geckoguard/core";
import { clientIpOf } from "../http/client-ip.ts";
import { ok } from "../http/envelope.ts";
import { answerHoldsSecret, checkIdempotencyKey } from "../http/idempotency.ts";
import { limitAuthAttempts, limitByIp, stringField } from "../http/rate-limit.ts";
import { noSoonerThan } from "../http/steady-duration.ts";
import { answers } from "../openapi/answer-doc.ts";
import { One, Done } from "../openapi/answer-shapes.ts";
import { Type } from "@sinclair/typebox";

const tags = ["Auth"];
/**
 * forgot-password answers after this long whether or not the account exists: the known
 * path writes a token and queues a mail (a few ms, tens under load), the unknown one only
 * reads, so without it the time would tell which emails have accounts.
 */
const FORGOT_PASSWORD_ANSWER_MS = 50;

/**
 * Public account routes (docs/authentication.md#access-and-refresh-tokens). All share the per-IP bucket of JWT routes; those
 * that check a password or a code, or mail one, add the auth buckets. Without a
 * credential, an Idempotency-Key is scoped to the client IP; answers holding tokens are
 * never stored.
 */
/** The auth buckets of the routes that check a password (by email) or a 2FA code (by challenge). */
export function authAttemptLimits(ctx: GgContext) {
  const byEmail = limitAuthAttempts(ctx, (body) => {
    const email = stringField(body, "email");
    return email === null ? null : normalizeEmail(email);
  });
  const byChallenge = limitAuthAttempts(ctx, (body) => {
    const challengeToken = stringField(body, "challengeToken");
    return challengeToken === null ? null : loginChallengeAccount(ctx, challengeToken);
  });
  return { byEmail, byChallenge };
}

export function authRoutes(ctx: GgContext) {
  const { byEmail, byChallenge } = authAttemptLimits(ctx);
  return new Elysia({ prefix: "/v1/auth" })
    .onTransform(limitByIp(ctx))
    .onBeforeHandle((context) => checkIdempotencyKey(ctx, context, `ip:${clientIpOf(context.request)}`))
    .post(
      "/register",
      async ({ body, set }) => {
        const user = await register(ctx, body);
        set.status = 201;
        return ok({ user: presentUser(user) });
      },
      { transform: byEmail, body: RegisterBody, detail: { summary: "Create an account", ...answers(One("user", UserSchema), { status: 201, errors: ["CONFLICT", "PERMISSION_DENIED"] }), tags } },
    )
    .post("/login", async ({ body }) => ok(await login(ctx, body)), {
      transform: [answerHoldsSecret, byEmail],
      body: LoginBody,
      detail: { summary: "Exchange email + password for a token pair (or a 2FA challenge)", ...answers(LoginResultSchema, { errors: ["INVALID_CREDENTIALS"] }), tags },
    })
    .post("/totp/verify-login", async ({ body }) => ok(await verifyLogin(ctx, body)), {
      transform: [answerHoldsSecret, byChallenge],
      body: VerifyLoginBody,
      detail: { summary: "Answer a 2FA login challenge with a TOTP or recovery code", ...answers(TokenPairSchema, { errors: ["INVALID_TOTP", "UNAUTHORIZED"] }), tags },
    })
    .post("/refresh", async ({ body }) => ok(await refresh(ctx, body.refreshToken)), {
      transform: answerHoldsSecret,
      body: RefreshBody,
      detail: { summary: "Single-use rotation of a refresh token", ...answers(TokenPairSchema, { errors: ["UNAUTHORIZED", "REFRESH_TOKEN_REUSED"] }), tags },
    })
    .post(
      "/logout",
      async ({ body }) => {
        await logout(ctx, body.refreshToken);
        return ok({ loggedOut: true });
      },
      { body: RefreshBody, detail: { summary: "Revoke a refresh token", ...answers(Done("loggedOut"), { errors: ["UNAUTHORIZED"] }), tags } },
    )
    .post(
      "/forgot-password",
      async ({ body }) => {
        await noSoonerThan(FORGOT_PASSWORD_ANSWER_MS, () => forgotPassword(ctx, body.email));
        return ok({ message: "If an account exists for this email, a reset link was sent" });
      },
      { transform: byEmail, body: ForgotPasswordBody, detail: { summary: "Mail a password reset link", ...answers(Type.Object({ message: Type.String({ examples: ["If an account exists for this email, a reset link was sent"] }) }, { additionalProperties: false })), tags } },
    )
    .post(
      "/reset-password",
      async ({ body }) => {
        await resetPassword(ctx, body);
        return ok({ passwordReset: true });
      },
      { body: ResetPasswordBody, detail: { summary: "Set a new password with a reset token", ...answers(Done("passwordReset"), { errors: ["UNAUTHORIZED"] }), tags } },
    )
    .post(
      "/verify-email",
      async ({ body }) => {
        await verifyEmail(ctx, body.token);
        return ok({ emailVerified: true });
      },
      { body: VerifyEmailBody, detail: { summary: "Confirm an email address", ...answers(Done("emailVerified"), { errors: ["UNAUTHORIZED"] }), tags } },
    );
}
