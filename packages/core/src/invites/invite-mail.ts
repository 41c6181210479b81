import type { MailMessage } from "../ports/mail.ts";
import type { InviteRecord } from "../records/invite.ts";

/** The invitation mail: the link opens the /invite page; the API route is named for scripts. */
export function inviteMail(input: { invite: InviteRecord; token: string; orgName: string; inviterEmail: string; publicUrl: string }): MailMessage {
  const { invite, token, orgName, inviterEmail, publicUrl } = input;
  return {
    to: invite.email,
    subject: `You are invited to join ${orgName} on GeckoGuard`,
    text:
      `${inviterEmail} invited you to join the organization "${orgName}" as ${invite.role}.\n\n` +
      `Open the invitation: ${publicUrl}/invite?token=${token}\n\n` +
      `Sign in with this address (or register with it, including {"inviteToken":"${token}"}, and verify it), ` +
      `then POST /v1/dashboard/invites/accept with {"token":"${token}"}. ` +
      `The invitation works once and expires in 7 days. If you do not want to join, ignore this mail or decline it.`,
  };
}
