import { toIso } from "../clock.ts";
import type { InviteRecord, ReceivedInviteRecord } from "../records/invite.ts";
import { inviteStatus } from "./invite-status.ts";

/** The invite as the org's admins see it: never its token or hash. */
export function presentInvite(invite: InviteRecord, now: number) {
  return {
    id: invite.id,
    orgId: invite.orgId,
    email: invite.email,
    role: invite.role,
    status: inviteStatus(invite, now),
    invitedBy: invite.invitedBy,
    expiresAt: toIso(invite.expiresAt),
    createdAt: toIso(invite.createdAt),
  };
}

/** The invite as its invitee sees it, with the name of the org it is for. */
export function presentReceivedInvite(invite: ReceivedInviteRecord, now: number) {
  return { ...presentInvite(invite, now), orgName: invite.orgName };
}
