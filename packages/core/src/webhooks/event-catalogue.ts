/**
 * Every webhook event type GeckoGuard emits, in one place. docs/webhooks.md
 * shows an example payload for each. An endpoint subscribes to a list of these, or "*".
 */
export const WEBHOOK_EVENT_TYPES = [
  "license.created",
  "license.updated",
  "license.deleted",
  "license.revoked",
  "license.unrevoked",
  "license.frozen",
  "license.unfrozen",
  "license.extended",
  "license.redeemed",
  "license.hwid_reset",
  "license.ip_reset",
  "license.hwid_bound",
  "session.opened",
  "session.revoked",
  "blacklist.added",
  "blacklist.removed",
  "end_user.created",
  "subscription.created",
  "subscription.renewed",
  "subscription.past_due",
  "subscription.canceled",
  "subscription.resumed",
  "subscription.expired",
  "subscription.plan_changed",
  "api_key.created",
  "api_key.rotated",
  "api_key.revoked",
  /** Org membership (docs/team-and-audit.md): every product of the org hears of these. */
  "member.invited",
  "member.joined",
  "member.removed",
  "member.role_changed",
  "org.ownership_transferred",
  "version.released",
  "version.yanked",
  /** An endpoint failed for 3 days in a row and was switched off (sent to the product's other endpoints). */
  "webhook_endpoint.disabled",
  /** Sent by "send a test event" to that one endpoint only, whatever it subscribes to. */
  "webhook_endpoint.test",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Subscribing to this receives every type, including ones added later. */
export const ALL_EVENTS = "*";

const known = new Set<string>(WEBHOOK_EVENT_TYPES);

export function isWebhookEventType(value: string): value is WebhookEventType {
  return known.has(value);
}

/** Whether an endpoint subscribed to `events` receives `type`. */
export function subscribesTo(events: readonly string[], type: string): boolean {
  return events.includes(ALL_EVENTS) || events.includes(type);
}
