import { GgError } from "../errors/gg-error.ts";
import type { OrgRole } from "./roles.ts";

/** What one member can do to another (or, for `leave`, to themselves). */
export const MEMBER_ACTIONS = ["changeRole", "remove", "transferOwnership", "leave"] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/**
 * Pure: why `actor` may not do `action` to a member whose role is `target`, or null when
 * it may (docs/team-and-audit.md#invitations-and-roles).
 * - viewers and members change nobody (they may only leave);
 * - admins manage admins, members and viewers, but never the owner;
 * - only the owner hands the org over (to a member who is not the owner already);
 * - the owner is never demoted, removed, nor leaves: the org always keeps one owner.
 */
export function memberActionRefusal(actor: OrgRole, target: OrgRole, action: MemberAction): GgError | null {
  if (action === "leave") {
    return actor === "owner" ? new GgError("PERMISSION_DENIED", "The owner cannot leave; transfer ownership first") : null;
  }
  if (action === "transferOwnership") {
    if (actor !== "owner") return new GgError("PERMISSION_DENIED", "Only the owner can transfer ownership");
    return target === "owner" ? new GgError("PERMISSION_DENIED", "You already own this organization") : null;
  }
  if (actor !== "owner" && actor !== "admin") {
    return new GgError("PERMISSION_DENIED", `Your role '${actor}' cannot manage members; it needs 'admin' or higher`);
  }
  if (target === "owner") {
    return new GgError("PERMISSION_DENIED", "The owner cannot be demoted or removed; ownership only moves by transfer");
  }
  return null;
}

/** Throws the refusal, if any. */
export function assertMemberAction(actor: OrgRole, target: OrgRole, action: MemberAction): void {
  const refusal = memberActionRefusal(actor, target, action);
  if (refusal !== null) throw refusal;
}
