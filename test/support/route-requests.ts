import { randomUUID } from "node:crypto";
import { SCOPES } from "@geckoguard/core";
import type { TestApp } from "./test-app.ts";
import { orgWithProduct, signUp } from "./accounts.ts";
import { issueApiKey } from "./api-keys.ts";
import { enablePortal, registerCustomer } from "./portal.ts";
import type { RouteSpec } from "./route-schemas.ts";

/** What a request needs to get past each route family's credential check. */
export interface Tenant {
  token: string;
  /** A customer of the org, through its portal (on, with self-registration). */
  endUserToken: string;
  apiKey: string;
  orgId: string;
  productId: string;
}

/** An owner, an org, a product and an API key holding every scope. */
export async function tenantWithEveryScope(app: Pick<TestApp, "api">): Promise<Tenant> {
  const owner = await signUp(app.api);
  const { orgId, productId } = await orgWithProduct(app.api, owner.token);
  const { key } = await issueApiKey(app.api, owner.token, productId, [...SCOPES]);
  await enablePortal(app.api, owner.token, orgId, { selfRegistration: true });
  const customer = await registerCustomer(app.api, orgId);
  return { token: owner.token, endUserToken: customer.accessToken, apiKey: key, orgId, productId };
}

export interface RouteInput {
  /** Path parameters by name; unnamed ones get the tenant's ids or a fresh UUID. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A URL cannot carry a lone UTF-16 surrogate: replace it, as a browser would. */
function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/**
 * The tenant's own id for a parameter that names an org or product: `orgId`/`productId`, or
 * any parameter right after an `orgs`/`products` segment (`/products/{id}`), which the
 * server checks for access before validating the request.
 */
function tenantIdFor(name: string, previousSegment: string, tenant: Tenant): string | undefined {
  if (name === "orgId" || previousSegment === "orgs") return tenant.orgId;
  if (name === "productId" || previousSegment === "products") return tenant.productId;
  return undefined;
}

/** The route's path with `{name}` filled: the given value, the tenant's org/product, or a random UUID. */
export function fillPath(spec: RouteSpec, tenant: Tenant, params: Record<string, string> = {}): string {
  return spec.path.replace(/(\w*)\/\{(\w+)\}/g, (_, previous: string, name: string) => {
    const value = params[name] ?? tenantIdFor(name, previous, tenant) ?? randomUUID();
    return `${previous}/${encodeURIComponent(wellFormed(value))}`;
  });
}

/** A Request for `spec` with the tenant's credential for its family (signed routes get none). */
export function routeRequest(spec: RouteSpec, tenant: Tenant, input: RouteInput = {}): Request {
  const url = new URL(`http://localhost${fillPath(spec, tenant, input.params)}`);
  for (const [name, value] of Object.entries(input.query ?? {})) url.searchParams.set(name, wellFormed(value));
  const headers: Record<string, string> = { ...input.headers };
  if (spec.credential === "jwt") headers.authorization = `Bearer ${tenant.token}`;
  if (spec.credential === "endUser") headers.authorization = `Bearer ${tenant.endUserToken}`;
  if (spec.credential === "apiKey") headers["x-api-key"] = tenant.apiKey;
  const hasBody = input.body !== undefined && spec.method !== "GET";
  if (hasBody) headers["content-type"] = "application/json";
  return new Request(url, { method: spec.method, headers, body: hasBody ? JSON.stringify(input.body) : undefined });
}
