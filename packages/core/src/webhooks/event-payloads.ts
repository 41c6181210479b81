import type { VersionRecord } from "../records/version.ts";
import { presentVersion } from "../versions/present-version.ts";
import type { LicenseView } from "../records/license.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import type { SessionRecord } from "../records/session.ts";
import type { ApiKeyRecord } from "../records/api-key.ts";
import { presentLicense } from "../licenses/present-license.ts";
import { presentEndUser } from "../endusers/present-end-user.ts";
import { presentSession } from "../sessions/present-session.ts";
import { toIso, toIsoOrNull } from "../clock.ts";
import type { OrgMemberRecord } from "../records/org.ts";
import type { InviteRecord } from "../records/invite.ts";
import type { OrgRole } from "../orgs/roles.ts";
import { presentMember } from "../orgs/present-org.ts";
import { presentInvite } from "../invites/present-invite.ts";
import type { SubscriptionRecord } from "../records/billing.ts";
import { presentSubscription } from "../billing/present-subscription.ts";

/**
 * The `data` of each event, built from the same presenters the API answers with, so a
 * receiver sees the shapes it already knows. Secrets never appear (API keys show their
 * prefix only). docs/webhooks.md has an example of each.
 */

/** license.*: the license as the dashboard shows it (owner fields included), plus event extras. */
export function licenseEventData(license: LicenseView, now: number, extra: Record<string, unknown> = {}) {
  return { license: presentLicense(license, now, { includeOwner: true }), ...extra };
}

/** end_user.created */
export function endUserEventData(endUser: EndUserRecord) {
  return { endUser: presentEndUser(endUser) };
}

/** session.opened / session.revoked: the session and the license it belongs to. */
export function sessionEventData(session: SessionRecord, license: Pick<LicenseView, "id" | "key" | "productId">) {
  return { session: presentSession(session), license: { id: license.id, key: license.key, productId: license.productId } };
}

/** api_key.created / rotated / revoked: never the key itself, nor its hash. */
export function apiKeyEventData(apiKey: ApiKeyRecord) {
  return {
    apiKey: {
      id: apiKey.id,
      productId: apiKey.productId,
      name: apiKey.name,
      prefix: apiKey.prefix,
      permissions: apiKey.permissions,
      revokedAt: toIsoOrNull(apiKey.revokedAt),
      createdAt: toIso(apiKey.createdAt),
      updatedAt: toIso(apiKey.updatedAt),
    },
  };
}

/** version.released / version.yanked: the version as the API shows it. */
export function versionEventData(version: VersionRecord) {
  return { version: presentVersion(version) };
}

/** The fields of a blacklist entry a receiver needs (structural, so any entry record fits). */
export interface BlacklistEntryFields {
  id: string;
  productId: string;
  type: "HWID" | "IP";
  value: string;
  reason: string | null;
  createdAt: number;
}

/** blacklist.added / blacklist.removed */
export function blacklistEventData(entry: BlacklistEntryFields) {
  return {
    entry: { id: entry.id, productId: entry.productId, type: entry.type, value: entry.value, reason: entry.reason, createdAt: toIso(entry.createdAt) },
  };
}

/** member.invited: the invite as the org's admins list it (never its token). */
export function memberInvitedEventData(invite: InviteRecord, now: number) {
  return { orgId: invite.orgId, invite: presentInvite(invite, now) };
}

/** member.joined: by accepting an invite (`inviteId`) or added directly by an admin. */
export function memberJoinedEventData(member: OrgMemberRecord, inviteId: string | null) {
  return { orgId: member.orgId, member: presentMember(member), via: inviteId === null ? "added" : "invite", inviteId };
}

/** member.removed: by an admin, or the member left. */
export function memberRemovedEventData(member: OrgMemberRecord, reason: "removed" | "left") {
  return { orgId: member.orgId, member: presentMember(member), reason };
}

/** member.role_changed: the member with the new role, and the role before. */
export function memberRoleChangedEventData(member: OrgMemberRecord, previousRole: OrgRole) {
  return { orgId: member.orgId, member: presentMember(member), previousRole };
}

/** org.ownership_transferred: both people with their roles after the transfer. */
export function ownershipTransferredEventData(previousOwner: OrgMemberRecord, newOwner: OrgMemberRecord) {
  return { orgId: newOwner.orgId, previousOwner: presentMember(previousOwner), newOwner: presentMember(newOwner) };
}

/** subscription.*: the subscription as answers show it, plus the event's extras. */
export function subscriptionEventData(subscription: SubscriptionRecord, extra: Record<string, unknown> = {}) {
  return { subscription: presentSubscription(subscription), ...extra };
}
