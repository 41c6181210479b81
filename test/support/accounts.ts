import { expect } from "bun:test";
import type { Api } from "./http-client.ts";

let counter = 0;

/** A unique email per call, so tests sharing a server never collide. */
export function uniqueEmail(tag = "user"): string {
  counter += 1;
  return `${tag}-${Date.now().toString(36)}-${counter}@example.com`;
}

export const PASSWORD = "correct horse battery";

/** Registers and logs in; returns the access token and the user id. */
export async function signUp(api: Api, email = uniqueEmail()): Promise<{ email: string; token: string; refreshToken: string; userId: string }> {
  const registered = await api("POST", "/v1/auth/register", { body: { email, password: PASSWORD } });
  expect(registered.status).toBe(201);
  const login = await api("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
  expect(login.status).toBe(200);
  return { email, token: login.body.data.accessToken, refreshToken: login.body.data.refreshToken, userId: registered.body.data.user.id };
}

/** An org owned by the caller and a product in it. */
export async function orgWithProduct(api: Api, token: string): Promise<{ orgId: string; productId: string }> {
  const org = await api("POST", "/v1/dashboard/orgs", { token, body: { name: "Acme" } });
  expect(org.status).toBe(201);
  const product = await api("POST", "/v1/dashboard/products", { token, body: { orgId: org.body.data.org.id, name: "App" } });
  expect(product.status).toBe(201);
  return { orgId: org.body.data.org.id, productId: product.body.data.product.id };
}
