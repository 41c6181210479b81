import { expect } from "bun:test";
import type { Api, CallOptions } from "./http-client.ts";
import { signUp } from "./accounts.ts";

/** Creates an API key through the dashboard; returns its id and the plaintext. */
export async function issueApiKey(api: Api, token: string, productId: string, permissions?: string[]): Promise<{ id: string; key: string }> {
  const created = await api("POST", "/v1/dashboard/api-keys", {
    token,
    body: { productId, name: "test key", ...(permissions !== undefined ? { permissions } : {}) },
  });
  expect(created.status).toBe(201);
  return { id: created.body.data.apiKey.id, key: created.body.data.key };
}

/** Options that present an API key. */
export function withKey(key: string, options: CallOptions = {}): CallOptions {
  return { ...options, headers: { ...options.headers, "x-api-key": key } };
}

/** A new account added to the org with `role`; returns its access token. */
export async function joinOrg(api: Api, ownerToken: string, orgId: string, role: "admin" | "member" | "viewer"): Promise<string> {
  const user = await signUp(api);
  const added = await api("POST", `/v1/dashboard/orgs/${orgId}/members`, { token: ownerToken, body: { email: user.email, role } });
  expect(added.status).toBe(201);
  return user.token;
}
