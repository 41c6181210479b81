import { GgError } from "../errors/gg-error.ts";
import type { Scope } from "./scopes.ts";

/** Who is calling with an API key: the key and the product (and org) it is bound to. */
export interface ApiKeyPrincipal {
  id: string;
  /** The key's name: how the audit log labels what it changed. */
  name: string;
  productId: string;
  orgId: string;
  permissions: readonly Scope[];
}

export function hasScope(principal: ApiKeyPrincipal, scope: Scope): boolean {
  return principal.permissions.includes(scope);
}

/** A key of another product → 403 FORBIDDEN (checked first); a missing scope → 403 naming it. */
export function assertKeyCan(principal: ApiKeyPrincipal, productId: string, scope: Scope): void {
  assertKeyOnProduct(principal, productId);
  assertScope(principal, scope);
}

/** The key's own product only (403 FORBIDDEN): the HTTP guard checks it before a validation error. */
export function assertKeyOnProduct(principal: ApiKeyPrincipal, productId: string): void {
  if (principal.productId !== productId) throw new GgError("FORBIDDEN", "This API key belongs to another product");
}

export function assertScope(principal: ApiKeyPrincipal, scope: Scope): void {
  if (!hasScope(principal, scope)) throw new GgError("PERMISSION_DENIED", `This API key lacks the '${scope}' scope`);
}
