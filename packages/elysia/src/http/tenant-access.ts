import { assertKeyOnProduct, orgAccess, productAccess, type ApiKeyPrincipal, type GgContext } from "@geckoguard/core";

/** The path params of a route that name a tenant, by the segment before them. */
export interface TenantParams {
  org: string[];
  product: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const known = new Map<string, TenantParams>();

/**
 * One rule for every route family: the param right after an `orgs` segment is an org id,
 * right after a `products` segment a product id (`/v1/dashboard/orgs/:orgId/…`,
 * `/v1/dashboard/products/:id`, `/v1/products/:productId/…`, and under any mount prefix).
 */
export function tenantParamsOf(route: string): TenantParams {
  let found = known.get(route);
  if (found === undefined) {
    found = { org: [], product: [] };
    const segments = route.split("/");
    segments.forEach((segment, i) => {
      if (!segment.startsWith(":") || i === 0) return;
      if (segments[i - 1] === "orgs") found!.org.push(segment.slice(1));
      if (segments[i - 1] === "products") found!.product.push(segment.slice(1));
    });
    known.set(route, found);
  }
  return found;
}

/** Ids that are not UUIDs are left to the route's params schema (400 naming the param). */
function idsOf(names: string[], params: Record<string, string | undefined>): string[] {
  return names.map((name) => params[name]).filter((id): id is string => id !== undefined && UUID.test(id));
}

type RouteRequest = { route: string; params: Record<string, string | undefined>; body?: unknown; query?: Record<string, string | undefined> };

/**
 * The org and product ids a request names: in its path (by the rule above), and as
 * `orgId` / `productId` in its query or JSON body (`POST /v1/dashboard/products {orgId}`,
 * `GET /v1/dashboard/api-keys?productId=`). The body is read as parsed, before validation.
 */
function namedTenants({ route, params, body, query }: RouteRequest): { orgIds: string[]; productIds: string[] } {
  const names = tenantParamsOf(route);
  const fields = { ...(query ?? {}), ...(body !== null && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {}) };
  const field = (name: string) => [fields[name]].filter((id): id is string => typeof id === "string" && UUID.test(id));
  return { orgIds: [...idsOf(names.org, params), ...field("orgId")], productIds: [...idsOf(names.product, params), ...field("productId")] };
}

const checks = new WeakMap<Request, () => Promise<void> | void>();

/**
 * The guards register, once the credential is known, the tenant check of the request.
 * The use case runs the same check on a valid request; this one answers first when the
 * request fails validation, so another tenant's org or product is 403 whatever the body.
 */
export function deferTenantCheck(request: Request, check: () => Promise<void> | void): void {
  checks.set(request, check);
}

/** For the error mapper, before answering a validation error: the tenant refusal, if any. */
export async function tenantRefusal(request: Request): Promise<unknown> {
  const check = checks.get(request);
  if (check === undefined) return null;
  try {
    await check();
    return null;
  } catch (refusal) {
    return refusal;
  }
}

/**
 * A user may reach every org and product the request names (any role): another tenant's is 403
 * FORBIDDEN, a missing one 404. Any role will do: the use case checks the one its
 * operation needs.
 */
export async function assertUserTenant(ctx: GgContext, userId: string, request: RouteRequest): Promise<void> {
  const { orgIds, productIds } = namedTenants(request);
  for (const orgId of orgIds) await orgAccess(ctx, userId, orgId, "read");
  for (const productId of productIds) await productAccess(ctx, userId, productId, "read");
}

/** An API key reaches its own product only (403 FORBIDDEN). */
export function assertKeyTenant(apiKey: ApiKeyPrincipal, request: RouteRequest): void {
  for (const productId of namedTenants(request).productIds) assertKeyOnProduct(apiKey, productId);
}
