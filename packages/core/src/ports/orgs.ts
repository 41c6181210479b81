import type { OrgMemberRecord, OrgMembership, OrgRecord } from "../records/org.ts";
import type { OrgRole } from "../orgs/roles.ts";

export interface OrgStore {
  /** Creates the org with `ownerId` as its owner, atomically. */
  insertWithOwner(org: OrgRecord, ownerId: string): Promise<void>;
  /** Whether an org with this id exists at all (to tell 403 from 404). */
  exists(orgId: string): Promise<boolean>;
  /** The org and the user's role in it; null when the user is not a member. */
  findMembership(orgId: string, userId: string): Promise<OrgMembership | null>;
  /** Every org the user belongs to, oldest membership first. */
  listForUser(userId: string): Promise<OrgMembership[]>;
  update(orgId: string, patch: { name?: string }, now: number): Promise<void>;
  /** Deletes the org and everything below it (products, members, …). */
  delete(orgId: string): Promise<void>;
}

export interface OrgMemberStore {
  list(orgId: string): Promise<OrgMemberRecord[]>;
  find(orgId: string, userId: string): Promise<OrgMemberRecord | null>;
  /** Throws GgError CONFLICT when the user is already a member. */
  insert(orgId: string, userId: string, role: OrgRole, now: number): Promise<void>;
  /**
   * Sets the role to `to` only while it is still `from`, in one guarded write; false when
   * it changed meanwhile or the member is gone (of concurrent callers one wins).
   */
  changeRole(orgId: string, userId: string, from: OrgRole, to: OrgRole): Promise<boolean>;
  /** Removes the membership unless it is the owner's, in one guarded write; false when nothing was removed. */
  removeNonOwner(orgId: string, userId: string): Promise<boolean>;
}
