import { expect } from "bun:test";
import type { Api } from "./http-client.ts";
import { PASSWORD, uniqueEmail } from "./accounts.ts";

/** Turns the org's portal on (with `settings` on top of the defaults), as its owner. */
export async function enablePortal(api: Api, ownerToken: string, orgId: string, settings: object = {}) {
  const answer = await api("PATCH", `/v1/dashboard/orgs/${orgId}/portal`, { token: ownerToken, body: { enabled: true, ...settings } });
  expect(answer.status).toBe(200);
  return answer.body.data.portal;
}

export interface Customer {
  endUserId: string;
  email: string;
  username: string;
  accessToken: string;
  refreshToken: string;
}

/** Registers a customer of the org (with `licenseKey` when given) and logs them in. */
export async function registerCustomer(api: Api, orgId: string, licenseKey?: string): Promise<Customer> {
  const email = uniqueEmail("customer");
  const username = email.split("@")[0]!;
  const registered = await api("POST", "/v1/enduser/auth/register", { body: { orgId, email, username, password: PASSWORD, ...(licenseKey ? { licenseKey } : {}) } });
  expect(registered.status).toBe(201);
  const login = await api("POST", "/v1/enduser/auth/login", { body: { orgId, login: email, password: PASSWORD } });
  expect(login.status).toBe(200);
  return { endUserId: registered.body.data.endUser.id, email, username, accessToken: login.body.data.accessToken, refreshToken: login.body.data.refreshToken };
}
