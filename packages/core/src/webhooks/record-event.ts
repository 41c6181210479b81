import type { VersionRecord } from "../records/version.ts";
import type { Store } from "../ports/store.ts";
import type { LicenseView } from "../records/license.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import type { SessionRecord } from "../records/session.ts";
import type { ApiKeyRecord } from "../records/api-key.ts";
import type { WebhookEventType } from "./event-catalogue.ts";
import type { SubscriptionRecord } from "../records/billing.ts";
import { apiKeyEventData, subscriptionEventData, versionEventData, blacklistEventData, endUserEventData, sessionEventData, type BlacklistEntryFields } from "./event-payloads.ts";
import { deferredLicenseData } from "./deferred-payloads.ts";
import type { OrgMemberRecord } from "../records/org.ts";
import type { InviteRecord } from "../records/invite.ts";
import type { OrgRole } from "../orgs/roles.ts";
import {
  memberInvitedEventData,
  memberJoinedEventData,
  memberRemovedEventData,
  memberRoleChangedEventData,
  ownershipTransferredEventData,
} from "./event-payloads.ts";

/**
 * How a use case emits webhook events: call one of these with the transaction store
 * `tx` of the change, inside `ctx.store.transaction(async (tx) => …)`, so the event is
 * written in the same transaction (outbox) and commits or rolls back with the change.
 *
 *     await ctx.store.transaction(async (tx) => {
 *       await tx.apiKeys.revoke(key.id, now);
 *       await recordApiKeyEvent(tx, "api_key.revoked", { ...key, revokedAt: now }, now);
 *     });
 *
 * The lower-level port is `tx.events.record(productId, type, data, now)`.
 */

type LicenseEventType = Extract<WebhookEventType, `license.${string}`>;

export function recordLicenseEvent(tx: Store, type: LicenseEventType, license: LicenseView, now: number, extra?: Record<string, unknown>) {
  return tx.events.record(license.productId, type, deferredLicenseData(license, extra), now);
}

/** One event per license, written in one go (bulk operations). */
export function recordLicenseEvents(
  tx: Store,
  type: LicenseEventType,
  licenses: LicenseView[],
  now: number,
  extra?: (license: LicenseView) => Record<string, unknown>,
) {
  return tx.events.recordMany(
    licenses.map((license) => ({ productId: license.productId, type, data: deferredLicenseData(license, extra?.(license)) })),
    now,
  );
}

/** end_user.created: end users belong to the org, so every product of the org hears of it. */
export function recordEndUserCreated(tx: Store, endUser: EndUserRecord, now: number) {
  return tx.events.recordForOrg(endUser.orgId, "end_user.created", endUserEventData(endUser), now);
}

export function recordSessionEvent(
  tx: Store,
  type: "session.opened" | "session.revoked",
  session: SessionRecord,
  license: Pick<LicenseView, "id" | "key" | "productId">,
  now: number,
) {
  return tx.events.record(license.productId, type, sessionEventData(session, license), now);
}

export function recordApiKeyEvent(tx: Store, type: "api_key.created" | "api_key.rotated" | "api_key.revoked", apiKey: ApiKeyRecord, now: number) {
  return tx.events.record(apiKey.productId, type, apiKeyEventData(apiKey), now);
}

/** version.released / version.yanked */
export function recordVersionEvent(tx: Store, type: "version.released" | "version.yanked", version: VersionRecord, now: number) {
  return tx.events.record(version.productId, type, versionEventData(version), now);
}

/** blacklist.added / removed, one event per entry (bulk add: call with each). */
export function recordBlacklistEvents(tx: Store, type: "blacklist.added" | "blacklist.removed", entries: BlacklistEntryFields[], now: number) {
  return tx.events.recordMany(
    entries.map((entry) => ({ productId: entry.productId, type, data: blacklistEventData(entry) })),
    now,
  );
}

// Members belong to the org, like end users: every product of the org hears of these.

export function recordMemberInvited(tx: Store, invite: InviteRecord, now: number) {
  return tx.events.recordForOrg(invite.orgId, "member.invited", memberInvitedEventData(invite, now), now);
}

export function recordMemberJoined(tx: Store, member: OrgMemberRecord, inviteId: string | null, now: number) {
  return tx.events.recordForOrg(member.orgId, "member.joined", memberJoinedEventData(member, inviteId), now);
}

export function recordMemberRemoved(tx: Store, member: OrgMemberRecord, reason: "removed" | "left", now: number) {
  return tx.events.recordForOrg(member.orgId, "member.removed", memberRemovedEventData(member, reason), now);
}

export function recordMemberRoleChanged(tx: Store, member: OrgMemberRecord, previousRole: OrgRole, now: number) {
  return tx.events.recordForOrg(member.orgId, "member.role_changed", memberRoleChangedEventData(member, previousRole), now);
}

export function recordOwnershipTransferred(tx: Store, previousOwner: OrgMemberRecord, newOwner: OrgMemberRecord, now: number) {
  return tx.events.recordForOrg(newOwner.orgId, "org.ownership_transferred", ownershipTransferredEventData(previousOwner, newOwner), now);
}

type SubscriptionEventType = Extract<WebhookEventType, `subscription.${string}`>;

export function recordSubscriptionEvent(tx: Store, type: SubscriptionEventType, subscription: SubscriptionRecord, now: number, extra?: Record<string, unknown>) {
  return tx.events.record(subscription.productId, type, subscriptionEventData(subscription, extra), now);
}

/** One event per subscription, written in one go (the clock's batches). */
export function recordSubscriptionEvents(tx: Store, type: SubscriptionEventType, items: { subscription: SubscriptionRecord; extra?: Record<string, unknown> }[], now: number) {
  return tx.events.recordMany(
    items.map(({ subscription, extra }) => ({ productId: subscription.productId, type, data: subscriptionEventData(subscription, extra) })),
    now,
  );
}
