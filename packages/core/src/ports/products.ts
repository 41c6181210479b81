import type { ProductRecord } from "../records/product.ts";
import type { OrgRole } from "../orgs/roles.ts";
import type { ProductPolicy } from "../products/policy.ts";

/** What a user may do with a product: the product and the user's role in its org. */
export interface ProductAccess {
  product: ProductRecord;
  /** null when the product exists but the user is not a member of its org. */
  role: OrgRole | null;
}

export interface ProductStore {
  /** Stores the product with its private signing key; the key is never read back by HTTP code. */
  insert(product: ProductRecord, privateKeyPem: string): Promise<void>;
  /** The product by id (callers check it against the credential's org or key). */
  find(productId: string): Promise<ProductRecord | null>;
  /** The product joined with the user's membership of its org; null when no such product. */
  findAccess(productId: string, userId: string): Promise<ProductAccess | null>;
  /** Products of one org (tenancy in the query). */
  listByOrg(orgId: string): Promise<ProductRecord[]>;
  update(productId: string, patch: { name?: string; policy?: ProductPolicy }, now: number): Promise<void>;
  /** Moves the product, and everything that hangs below it, into another org. */
  moveToOrg(productId: string, orgId: string, now: number): Promise<void>;
  /** Deletes the product and everything below it. */
  delete(productId: string): Promise<void>;
  /** The private signing key, for the signing code on the server only. */
  signingKey(productId: string): Promise<string | null>;
}
