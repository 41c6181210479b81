import type { GgContext } from "../context.ts";
import type { LicenseScope } from "../ports/licenses.ts";
import type { ProductRecord } from "../records/product.ts";
import type { ApiKeyPrincipal } from "../apikeys/principal.ts";
import type { Scope } from "../apikeys/scopes.ts";
import type { LicenseView } from "../records/license.ts";
import { GgError } from "../errors/gg-error.ts";
import { assertKeyCan } from "../apikeys/principal.ts";
import { assertCan, type OrgAction } from "../orgs/roles.ts";
import { orgAccess } from "../orgs/org-access.ts";

/**
 * How each route family finds the licenses it may touch. Both families then call the
 * same use cases with the resolved license, product or scope.
 */

/** Dashboard, /orgs/:orgId/licenses…: the org's licenses, for a role allowed `action`. */
export async function orgLicenseScope(ctx: GgContext, userId: string, orgId: string, action: OrgAction): Promise<LicenseScope> {
  await orgAccess(ctx, userId, orgId, action);
  return { kind: "org", orgId };
}

/** Dashboard, /licenses/:id…: another tenant's license reads as not found (docs/licenses.md#tenancy-403-or-404). */
export async function dashboardLicense(
  ctx: GgContext,
  userId: string,
  licenseId: string,
  action: OrgAction,
): Promise<{ license: LicenseView; orgId: string }> {
  const found = await ctx.store.licenses.findAccess(licenseId, userId);
  if (found === null || found.role === null) throw new GgError("NOT_FOUND", "License not found");
  assertCan(found.role, action);
  return { license: found.license, orgId: found.orgId };
}

/** Management, /products/:productId/licenses/:licenseId: key bound to the product + scope. */
export async function managementLicense(
  ctx: GgContext,
  principal: ApiKeyPrincipal,
  productId: string,
  licenseId: string,
  scope: Scope,
): Promise<LicenseView> {
  assertKeyCan(principal, productId, scope);
  const license = await ctx.store.licenses.findInProduct(productId, licenseId);
  if (license === null) throw new GgError("NOT_FOUND", "License not found");
  return license;
}

/** The product named in a dashboard body, which must belong to the org of the path. */
export async function productOfOrg(ctx: GgContext, orgId: string, productId: string): Promise<ProductRecord> {
  const product = await ctx.store.products.find(productId);
  if (product === null || product.orgId !== orgId) throw new GgError("NOT_FOUND", "Product not found in this organization");
  return product;
}

/** The key's own product, for management routes. */
export async function productOfKey(ctx: GgContext, principal: ApiKeyPrincipal, productId: string, scope: Scope): Promise<ProductRecord> {
  assertKeyCan(principal, productId, scope);
  const product = await ctx.store.products.find(productId);
  if (product === null) throw new GgError("NOT_FOUND", "Product not found");
  return product;
}
