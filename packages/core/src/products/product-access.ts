import type { GgContext } from "../context.ts";
import type { ProductAccess } from "../ports/products.ts";
import type { OrgRole } from "../orgs/roles.ts";
import { GgError } from "../errors/gg-error.ts";
import { assertCan, type OrgAction } from "../orgs/roles.ts";

/**
 * The product and the caller's role in its org, checked for `action`: another org's
 * product is 403 FORBIDDEN, a product that does not exist is 404.
 */
export async function productAccess(
  ctx: GgContext,
  userId: string,
  productId: string,
  action: OrgAction,
): Promise<ProductAccess & { role: OrgRole }> {
  const access = await ctx.store.products.findAccess(productId, userId);
  if (access === null) throw new GgError("NOT_FOUND", "Product not found");
  assertCan(access.role, action);
  return { product: access.product, role: access.role };
}
