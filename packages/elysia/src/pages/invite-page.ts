import { escapeHtml, pageShell } from "./action-page.ts";

const TITLE = "You are invited to an organization";

/**
 * GET /invite: what the invitation mail's link opens. Accepting needs the invitee signed in
 * with the invited, verified address, so this page changes nothing (a mail scanner that
 * follows the link uses nothing up); it says how to accept and shows the token for the API.
 * `apiPrefix` is where the API is mounted ("" or e.g. "/licensing").
 */
export function renderInvitePage(token: string | null, apiPrefix: string): string {
  if (token === null) return pageShell(TITLE, `<p id="result">This link is incomplete: open the whole link from the mail.</p>`, false);
  const api = (path: string) => `<code>${escapeHtml(apiPrefix + path)}</code>`;
  const body = `<p>Someone invited this email address to join their organization on GeckoGuard.</p>
<ol>
<li>No account yet? Register with this same address (${api("/v1/auth/register")}, adding <code>"inviteToken"</code> with the token below), then confirm it with the link mailed to you.</li>
<li>Sign in with that address.</li>
<li>Accept: ${api("/v1/dashboard/invites/accept")} with <code>{"token": "…"}</code>, or decline with ${api("/v1/dashboard/invites/decline")}.</li>
</ol>
<p>Your invitation token (it works once and expires 7 days after it was sent):</p>
<p><input type="text" readonly value="${escapeHtml(token)}" aria-label="Invitation token"></p>`;
  return pageShell(TITLE, body, false);
}
