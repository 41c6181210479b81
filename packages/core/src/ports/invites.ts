import type { InviteRecord, ReceivedInviteRecord, StoredInviteStatus } from "../records/invite.ts";
import type { InviteStatus } from "../invites/invite-status.ts";

/**
 * Org invitations. Every guarded method is one UPDATE whose WHERE carries the condition,
 * so of concurrent callers exactly one sees true.
 */
export interface InviteStore {
  /**
   * Stores a new pending invite. Throws GgError CONFLICT while the org has another
   * pending (unexpired or not yet superseded) invite for the same email.
   */
  insert(invite: InviteRecord): Promise<void>;
  /** Marks the org's pending invites for `email` that expired by `now` as `expired`, so a new one may be sent. */
  supersedeExpired(orgId: string, email: string, now: number): Promise<void>;
  /** The invite, only if it belongs to this org (tenancy in the query). */
  findInOrg(orgId: string, inviteId: string): Promise<InviteRecord | null>;
  findByTokenHash(tokenHash: string): Promise<InviteRecord | null>;
  /** The org's invites, newest first, optionally of one status as presented (expiry applied at `now`). */
  list(orgId: string, filter: { status?: InviteStatus }, page: { limit: number; offset: number }, now: number): Promise<{ items: InviteRecord[]; total: number }>;
  /** Pending, unexpired invites to this (lower-cased) email across orgs, newest first. */
  listPendingForEmail(email: string, now: number): Promise<ReceivedInviteRecord[]>;
  /**
   * New token hash, expiry and sender, and back to pending, while the invite is pending or
   * expired. False otherwise. Throws CONFLICT if reviving it would make a second pending
   * invite for the address.
   */
  reissue(orgId: string, inviteId: string, change: { tokenHash: string; expiresAt: number; invitedBy: string }, now: number): Promise<boolean>;
  /** Sets `status` while the invite is pending and unexpired and its token is still `tokenHash`. */
  respond(inviteId: string, tokenHash: string, status: Extract<StoredInviteStatus, "accepted" | "declined">, now: number): Promise<boolean>;
  /** Revokes it while it is pending (expired or not). */
  revoke(orgId: string, inviteId: string, now: number): Promise<boolean>;
}
