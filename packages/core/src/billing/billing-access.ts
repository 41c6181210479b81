import type { Caller, ProductNeed } from "../products/caller-access.ts";

/**
 * Who changed a subscription or plan: a dashboard user or API key (the route's caller),
 * or the server itself (the subscription clock, a Stripe event). Every mutating billing use
 * case takes it, so the audit log's append is one line inside its transaction.
 */
export type BillingActor = Caller | { kind: "system"; source: "subscription_clock" | "stripe" };

/** Plans: viewers and subscription:read keys read; admins and subscription:write keys change. */
export const READ_PLANS: ProductNeed = { action: "read", scope: "subscription:read" };
export const WRITE_PLANS: ProductNeed = { action: "managePlans", scope: "subscription:write" };
/** Subscriptions: members change them, as they change licenses. */
export const READ_SUBSCRIPTIONS: ProductNeed = { action: "read", scope: "subscription:read" };
export const WRITE_SUBSCRIPTIONS: ProductNeed = { action: "manageSubscriptions", scope: "subscription:write" };
