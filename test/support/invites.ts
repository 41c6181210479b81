import { expect } from "bun:test";
import type { Api } from "./http-client.ts";
import { PASSWORD, signUp, uniqueEmail } from "./accounts.ts";

export const invitesPath = (orgId: string, rest = "") => `/v1/dashboard/orgs/${orgId}/invites${rest}`;

/** Invites `email` with `role`; returns the invite as answered. */
export async function invite(api: Api, token: string, orgId: string, email: string, role = "member") {
  const created = await api("POST", invitesPath(orgId), { token, body: { email, role } });
  expect(created.status).toBe(201);
  return created.body.data.invite as { id: string; orgId: string; email: string; role: string; status: string; invitedBy: string; expiresAt: string; createdAt: string };
}

/** Signs up `email` and verifies it with the token from its verification mail. */
export async function verifiedAccount(api: Api, mailedToken: (to: string, prefix: "gg_ve") => Promise<string>, email = uniqueEmail("invitee")) {
  const account = await signUp(api, email);
  const verified = await api("POST", "/v1/auth/verify-email", { body: { token: await mailedToken(email, "gg_ve") } });
  expect(verified.status).toBe(200);
  return account;
}

export { PASSWORD };
