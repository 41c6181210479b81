import type { GgContext } from "../context.ts";
import type { ApiKeyPrincipal } from "../apikeys/principal.ts";
import type { OrgAction } from "../orgs/roles.ts";
import type { Scope } from "../apikeys/scopes.ts";
import { assertKeyCan } from "../apikeys/principal.ts";
import { productAccess } from "./product-access.ts";

/**
 * Who calls a use case shared by both route families: a dashboard user (JWT, org role)
 * or an API key (bound to one product, with scopes).
 */
export type Caller = { kind: "user"; userId: string } | { kind: "apiKey"; apiKey: ApiKeyPrincipal };

/** What an operation on a product needs from each kind of caller. */
export interface ProductNeed {
  action: OrgAction;
  scope: Scope;
}

export function userCaller(userId: string): Caller {
  return { kind: "user", userId };
}

export function apiKeyCaller(apiKey: ApiKeyPrincipal): Caller {
  return { kind: "apiKey", apiKey };
}

/**
 * Checks the caller may act on the product. A user: 404 for a missing product, 403
 * FORBIDDEN for another org's, PERMISSION_DENIED for a low role. A key: 403 FORBIDDEN for
 * another product (before any scope check), PERMISSION_DENIED naming a missing scope.
 * Returns the product's org (for the audit log).
 */
export async function assertProductCaller(ctx: GgContext, caller: Caller, productId: string, need: ProductNeed): Promise<string> {
  if (caller.kind === "user") return (await productAccess(ctx, caller.userId, productId, need.action)).product.orgId;
  assertKeyCan(caller.apiKey, productId, need.scope);
  return caller.apiKey.orgId;
}
