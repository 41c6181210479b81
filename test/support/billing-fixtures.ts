import { expect } from "bun:test";
import type { Api } from "./http-client.ts";

export const plansPath = (productId: string, rest = "") => `/v1/dashboard/products/${productId}/plans${rest}`;
export const subscriptionsPath = (productId: string, rest = "") => `/v1/dashboard/products/${productId}/subscriptions${rest}`;

/** A plan of the product (monthly, USD 9.99, 3 grace days unless `body` says otherwise). */
export async function createPlan(api: Api, token: string, productId: string, body: Record<string, unknown> = {}) {
  const created = await api("POST", plansPath(productId), { token, body: { name: "Pro", interval: "month", priceCents: 999, currency: "USD", ...body } });
  expect(created.status).toBe(201);
  return created.body.data.plan as { id: string; priceCents: number; currency: string; graceDays: number };
}

let endUserCount = 0;

/** A new end user of the org. */
export async function createEndUser(api: Api, token: string, orgId: string, email?: string): Promise<string> {
  const created = await api("POST", `/v1/dashboard/orgs/${orgId}/end-users`, { token, body: { username: `customer-${++endUserCount}-${Date.now()}`, ...(email ? { email } : {}) } });
  expect(created.status).toBe(201);
  return created.body.data.endUser.id;
}

export interface SubscriptionAnswer {
  id: string;
  planId: string;
  pendingPlanId: string | null;
  endUserId: string;
  licenseId: string;
  status: string;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  trialEndsAt: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: string | null;
  endsAt: string | null;
  priceCents: number;
  currency: string;
}

export async function subscribe(api: Api, token: string, productId: string, body: Record<string, unknown>): Promise<SubscriptionAnswer> {
  const created = await api("POST", subscriptionsPath(productId), { token, body });
  expect(created.status).toBe(201);
  return created.body.data.subscription;
}

/** POST …/subscriptions/:id/<action>; expects 200 and returns the subscription. */
export async function act(api: Api, token: string, productId: string, id: string, action: string, body?: Record<string, unknown>): Promise<SubscriptionAnswer> {
  const answer = await api("POST", subscriptionsPath(productId, `/${id}/${action}`), { token, ...(body ? { body } : {}) });
  expect({ status: answer.status, error: answer.body.error }).toEqual({ status: 200, error: undefined });
  return answer.body.data.subscription;
}

export async function licenseOf(api: Api, token: string, licenseId: string) {
  const answer = await api("GET", `/v1/dashboard/licenses/${licenseId}`, { token });
  expect(answer.status).toBe(200);
  return answer.body.data.license as { id: string; expiresAt: string | null; frozen: boolean; state: string; endUserId: string; policy: Record<string, unknown> };
}

export const DAY = 86_400_000;
export const plusDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();
