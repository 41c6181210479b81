import { expect } from "bun:test";
import type { Api } from "./http-client.ts";
import { orgWithProduct, signUp } from "./accounts.ts";

type Account = Awaited<ReturnType<typeof signUp>>;

export interface Team {
  orgId: string;
  productId: string;
  owner: Account;
  admin: Account;
  member: Account;
  viewer: Account;
  /** Someone with an org and product of their own and no role in this one. */
  stranger: Account & { orgId: string; productId: string };
}

/** Adds an existing account to the org with `role` through the members endpoint. */
export async function addMember(api: Api, token: string, orgId: string, email: string, role: string) {
  const response = await api("POST", `/v1/dashboard/orgs/${orgId}/members`, { token, body: { email, role } });
  expect(response.status).toBe(201);
  return response;
}

/** One org with a product and a member of every role, plus a stranger in another org. */
export async function team(api: Api): Promise<Team> {
  const [owner, admin, member, viewer, strangerAccount] = await Promise.all([1, 2, 3, 4, 5].map(() => signUp(api)));
  const { orgId, productId } = await orgWithProduct(api, owner!.token);
  await addMember(api, owner!.token, orgId, admin!.email, "admin");
  await addMember(api, owner!.token, orgId, member!.email, "member");
  await addMember(api, owner!.token, orgId, viewer!.email, "viewer");
  const strangerOrg = await orgWithProduct(api, strangerAccount!.token);
  return { orgId, productId, owner: owner!, admin: admin!, member: member!, viewer: viewer!, stranger: { ...strangerAccount!, ...strangerOrg } };
}
