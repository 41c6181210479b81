import type { OrgRole } from "../orgs/roles.ts";

/** The role an invite grants: any but owner (ownership only moves by transfer). */
export type InviteRole = Exclude<OrgRole, "owner">;

/**
 * What is stored. `pending` past its `expiresAt` is shown as `expired` (present-invite.ts);
 * a stored `expired` is one a newer invite for the same address replaced.
 */
export type StoredInviteStatus = "pending" | "accepted" | "declined" | "revoked" | "expired";

/** An invitation to join an org. The token is kept only as its SHA-256 hash. */
export interface InviteRecord {
  id: string;
  orgId: string;
  /** Lower-cased. */
  email: string;
  role: InviteRole;
  status: StoredInviteStatus;
  tokenHash: string;
  /** The user id of the admin who sent (or last resent) it. */
  invitedBy: string;
  expiresAt: number;
  createdAt: number;
  updatedAt: number;
}

/** An invite as its invitee lists it: with the org's name, since they are not a member yet. */
export interface ReceivedInviteRecord extends InviteRecord {
  orgName: string;
}
