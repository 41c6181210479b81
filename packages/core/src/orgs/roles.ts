import { GgError } from "../errors/gg-error.ts";

/** Org roles, strongest first (docs/authentication.md#org-roles). */
export const ORG_ROLES = ["owner", "admin", "member", "viewer"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const rank: Record<OrgRole, number> = { owner: 4, admin: 3, member: 2, viewer: 1 };

/** What each kind of action needs; routes name the action, never a role. */
export const ACTION_MIN_ROLE = {
  read: "viewer",
  manageLicenses: "member",
  manageEndUsers: "member",
  manageBlacklists: "member",
  manageSessions: "member",
  manageProducts: "admin",
  manageApiKeys: "admin",
  manageWebhooks: "admin",
  manageMembers: "admin",
  readAuditLog: "admin",
  updateOrg: "admin",
  deleteOrg: "owner",
  transferOwnership: "owner",
} as const satisfies Record<string, OrgRole>;

export type OrgAction = keyof typeof ACTION_MIN_ROLE;

export function roleAtLeast(role: OrgRole, min: OrgRole): boolean {
  return rank[role] >= rank[min];
}

export function canPerform(role: OrgRole, action: OrgAction): boolean {
  return roleAtLeast(role, ACTION_MIN_ROLE[action]);
}

/**
 * Throws FORBIDDEN when the caller has no role in the org (another tenant), and
 * PERMISSION_DENIED when the role is too low for the action.
 */
export function assertCan(role: OrgRole | null, action: OrgAction): asserts role is OrgRole {
  if (role === null) throw new GgError("FORBIDDEN", "You do not have access to this organization");
  if (!canPerform(role, action)) {
    throw new GgError(
      "PERMISSION_DENIED",
      `Your role '${role}' cannot do this; it needs '${ACTION_MIN_ROLE[action]}' or higher`,
    );
  }
}
