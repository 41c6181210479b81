import { Elysia } from "elysia";
import { PasswordSchema } from "@geckoguard/core";
import { ACTION_PAGE_CSP, renderActionPage, type PageAction } from "../pages/action-page.ts";
import { renderInvitePage } from "../pages/invite-page.ts";

/** The API refuses longer tokens; such a link is not ours and gets the incomplete-link page. */
const MAX_TOKEN_LENGTH = 512;
const MIN_PASSWORD_LENGTH = PasswordSchema.minLength ?? 10;

const VERIFY: Omit<PageAction, "apiPath"> = {
  title: "Confirm your email address",
  intro: "Press the button to confirm this email address for your GeckoGuard account.",
  done: "Your email address is confirmed. You can close this page.",
  button: "Confirm email address",
  askPassword: null,
};

const RESET: Omit<PageAction, "apiPath"> = {
  title: "Choose a new password",
  intro: `Enter a new password for your GeckoGuard account (at least ${MIN_PASSWORD_LENGTH} characters).`,
  done: "Your password was changed. Sign in with the new one.",
  button: "Set new password",
  askPassword: { minLength: MIN_PASSWORD_LENGTH },
};

const PORTAL_RESET: Omit<PageAction, "apiPath"> = {
  ...RESET,
  intro: `Enter a password for your customer portal account (at least ${MIN_PASSWORD_LENGTH} characters).`,
  done: "Your password is set. Sign in to the portal with it.",
  button: "Set password",
};

type Query = { query: Record<string, string | undefined> };

const tokenOf = ({ query }: Query) => {
  const raw = query.token;
  return typeof raw === "string" && raw !== "" && raw.length <= MAX_TOKEN_LENGTH ? raw : null;
};

const html = (page: string, token: string | null) =>
  new Response(page, {
    status: token === null ? 400 : 200,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": ACTION_PAGE_CSP, "cache-control": "no-store" },
  });

/**
 * GET /verify-email, GET /reset-password, GET /portal/reset-password and GET /invite: the pages the mailed links open
 * (the links are GG_PUBLIC_URL + these paths). The first two are small self-contained
 * forms that post the token to the API; the invite page explains how to accept (that
 * needs signing in). Opening a page changes nothing, so a mail scanner that follows links
 * cannot use the token up. Not in the OpenAPI document (they answer HTML).
 */
export function actionPageRoutes(prefix: string, options: { dashboardServesAccountPages?: boolean } = {}) {
  const page = (action: Omit<PageAction, "apiPath">, apiPath: string) => (request: Query) => {
    const token = tokenOf(request);
    return html(renderActionPage({ ...action, apiPath: prefix + apiPath }, token), token);
  };
  const invitePage = (request: Query) => {
    const token = tokenOf(request);
    return html(renderInvitePage(token, prefix), token);
  };
  // With the dashboard on, its own pages answer the account links; the invite and portal
  // pages stay server-rendered until the dashboard has pages of its own for them.
  const app = options.dashboardServesAccountPages
    ? new Elysia()
    : new Elysia()
        .get("/verify-email", page(VERIFY, "/v1/auth/verify-email"), { detail: { hide: true } })
        .get("/reset-password", page(RESET, "/v1/auth/reset-password"), { detail: { hide: true } });
  return app
    .get("/invite", invitePage, { detail: { hide: true } })
    // The portal's reset and invitation links (docs/portal.md).
    .get("/portal/reset-password", page(PORTAL_RESET, "/v1/enduser/auth/reset-password"), { detail: { hide: true } });
}
