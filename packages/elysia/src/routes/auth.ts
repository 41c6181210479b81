import { Elysia } from "elysia";
import {
  ForgotPasswordBody,
  LoginBody,
  RefreshBody,
  RegisterBody,
  ResetPasswordBody,
  VerifyEmailBody,
  VerifyLoginBody,
  forgotPassword,
  login,
  logout,
  presentUser,
  refresh,
  register,
  resetPassword,
  verifyEmail,
  verifyLogin,
  type GgContext,
} from "@geckoguard/core";
import { ok } from "../http/envelope.ts";

const tags = ["Auth"];

/** Public account routes (CONTRACT §3). */
export function authRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/auth" })
    .post(
      "/register",
      async ({ body, set }) => {
        const user = await register(ctx, body);
        set.status = 201;
        return ok({ user: presentUser(user) });
      },
      { body: RegisterBody, detail: { summary: "Create an account", tags } },
    )
    .post("/login", async ({ body }) => ok(await login(ctx, body)), {
      body: LoginBody,
      detail: { summary: "Exchange email + password for a token pair (or a 2FA challenge)", tags },
    })
    .post("/totp/verify-login", async ({ body }) => ok(await verifyLogin(ctx, body)), {
      body: VerifyLoginBody,
      detail: { summary: "Answer a 2FA login challenge with a TOTP or recovery code", tags },
    })
    .post("/refresh", async ({ body }) => ok(await refresh(ctx, body.refreshToken)), {
      body: RefreshBody,
      detail: { summary: "Single-use rotation of a refresh token", tags },
    })
    .post(
      "/logout",
      async ({ body }) => {
        await logout(ctx, body.refreshToken);
        return ok({ loggedOut: true });
      },
      { body: RefreshBody, detail: { summary: "Revoke a refresh token", tags } },
    )
    .post(
      "/forgot-password",
      async ({ body }) => {
        await forgotPassword(ctx, body.email);
        return ok({ message: "If an account exists for this email, a reset link was sent" });
      },
      { body: ForgotPasswordBody, detail: { summary: "Mail a password reset link", tags } },
    )
    .post(
      "/reset-password",
      async ({ body }) => {
        await resetPassword(ctx, body);
        return ok({ passwordReset: true });
      },
      { body: ResetPasswordBody, detail: { summary: "Set a new password with a reset token", tags } },
    )
    .post(
      "/verify-email",
      async ({ body }) => {
        await verifyEmail(ctx, body.token);
        return ok({ emailVerified: true });
      },
      { body: VerifyEmailBody, detail: { summary: "Confirm an email address", tags } },
    );
}
