import type { OrgRole } from "../orgs/roles.ts";
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

export interface ApiKeyStore {
  insert(key: ApiKeyRecord): Promise<void>;
  /** By the unique prefix (one index lookup), with the org of the key's product. */
  findByPrefix(prefix: string): Promise<(ApiKeyRecord & { orgId: string }) | null>;
  /** The key joined with the user's role in its product's org; null when no such key. */
  findAccess(id: string, userId: string): Promise<{ apiKey: ApiKeyRecord; orgId: string; role: OrgRole | null } | null>;
  /** Keys of one product, newest first (tenancy in the query). */
  listByProduct(productId: string): Promise<ApiKeyRecord[]>;
  update(id: string, patch: { name?: string; permissions?: Scope[] }, now: number): Promise<void>;
  /** Replaces prefix and hash in one write: the old secret stops working at once. */
  rotate(id: string, prefix: string, secretHash: string, now: number): Promise<void>;
  revoke(id: string, now: number): Promise<void>;
  delete(id: string): Promise<void>;
  /** Best-effort last-use stamp (may be batched by the adapter). */
  touch(id: string, now: number): Promise<void>;
}
