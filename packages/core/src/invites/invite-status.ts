import type { InviteRecord } from "../records/invite.ts";

/** Every status an invite is shown with. */
export const INVITE_STATUSES = ["pending", "accepted", "declined", "revoked", "expired"] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

/** A pending invite whose week ran out is expired; nothing has to write that down. */
export function inviteStatus(invite: Pick<InviteRecord, "status" | "expiresAt">, now: number): InviteStatus {
  return invite.status === "pending" && invite.expiresAt <= now ? "expired" : invite.status;
}

/** Whether the token of this invite can still be accepted or declined at `now`. */
export function isOpen(invite: Pick<InviteRecord, "status" | "expiresAt">, now: number): boolean {
  return inviteStatus(invite, now) === "pending";
}
