import type { ProductPolicy } from "../products/policy.ts";

export interface ProductRecord {
  id: string;
  orgId: string;
  name: string;
  policy: ProductPolicy;
  /** Ed25519 public key, SPKI PEM; returned to clients to verify authorize answers. */
  publicKey: string;
  createdAt: number;
  updatedAt: number;
}
