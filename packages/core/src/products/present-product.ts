import { toIso } from "../clock.ts";
import type { ProductRecord } from "../records/product.ts";

/** The product as the API shows it; the private signing key is not part of the record. */
export function presentProduct(product: ProductRecord) {
  return {
    id: product.id,
    orgId: product.orgId,
    name: product.name,
    policy: product.policy,
    publicKey: product.publicKey,
    createdAt: toIso(product.createdAt),
    updatedAt: toIso(product.updatedAt),
  };
}
