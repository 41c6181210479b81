import type { Scope } from "../apikeys/scopes.ts";

export interface ApiKeyRecord {
  id: string;
  productId: string;
  name: string;
  /** Public random part of the key, unique: the O(1) lookup. */
  prefix: string;
  /** SHA-256 hex of the whole key string. */
  secretHash: string;
  permissions: Scope[];
  lastUsedAt: number | null;
  revokedAt: number | null;
  createdAt: number;
  updatedAt: number;
}
