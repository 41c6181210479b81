import type { Caller } from "@geckoguard/core";
import { planOperations as plans, subscriptionOperations as subscriptions } from "./operations/billing-operations.ts";
import type { Mount } from "./operations/mount-operations.ts";

/**
 * Plans and subscriptions under a product, the same paths below each family's prefix
 * (`/v1/dashboard/products/:productId` and `/v1/products/:productId`); `need` names the
 * key scope in the summaries (users need viewer to read, admin for plans, member for
 * subscriptions).
 */
export function billingMounts(scopes: { read: string; write: string }): Mount<Caller>[] {
  const { read, write } = scopes;
  return [
    { method: "GET", path: "/plans", operation: plans.list, summary: `List plans (?archived=true|false)${read}` },
    { method: "POST", path: "/plans", operation: plans.create, summary: `Create a plan${write}` },
    { method: "GET", path: "/plans/:planId", operation: plans.get, summary: `Get a plan${read}` },
    { method: "PATCH", path: "/plans/:planId", operation: plans.patch, summary: `Update a plan's name, price (new subscriptions only) or template${write}` },
    { method: "POST", path: "/plans/:planId/archive", operation: plans.archive, summary: `Archive a plan: no new subscriptions, existing ones run on${write}` },
    { method: "GET", path: "/subscriptions", operation: subscriptions.list, summary: `List subscriptions (?status=, ?planId=, ?endUserId=)${read}` },
    { method: "POST", path: "/subscriptions", operation: subscriptions.create, summary: `Subscribe an end user to a plan (creates or adopts the license)${write}` },
    { method: "GET", path: "/subscriptions/:subscriptionId", operation: subscriptions.get, summary: `Get a subscription${read}` },
    { method: "PATCH", path: "/subscriptions/:subscriptionId", operation: subscriptions.changePlan, summary: `Switch plan at the next renewal${write}` },
    { method: "POST", path: "/subscriptions/:subscriptionId/renew", operation: subscriptions.renew, summary: `A payment arrived: advance by {periods}${write}` },
    { method: "POST", path: "/subscriptions/:subscriptionId/payment-failed", operation: subscriptions.paymentFailed, summary: `A payment failed: past_due, the license runs through grace${write}` },
    { method: "POST", path: "/subscriptions/:subscriptionId/cancel", operation: subscriptions.cancel, summary: `Cancel at period end (default) or now${write}` },
    { method: "POST", path: "/subscriptions/:subscriptionId/resume", operation: subscriptions.resume, summary: `Undo a cancellation whose time is not up${write}` },
  ];
}
