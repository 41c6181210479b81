import type { ApiKeyRecord } from "../records/api-key.ts";
import type { OrgRole } from "../orgs/roles.ts";
import type { Scope } from "../apikeys/scopes.ts";
import type { PageRequest } from "../pagination/pagination.ts";

/**
 * Every write names the product as well as the key id: the product is the tenancy
 * check, in the query. Writes answer false when no key of that product has that id.
 */
export interface ApiKeyStore {
  insert(key: ApiKeyRecord): Promise<void>;
  /** By the unique prefix (one index lookup), with the org of the key's product. */
  findByPrefix(prefix: string): Promise<(ApiKeyRecord & { orgId: string }) | null>;
  /** The key joined with the user's role in its product's org; null when no such key. */
  findAccess(id: string, userId: string): Promise<{ apiKey: ApiKeyRecord; orgId: string; role: OrgRole | null } | null>;
  /** One page of a product's keys, newest first, and how many there are. */
  listByProduct(productId: string, page: PageRequest): Promise<{ items: ApiKeyRecord[]; total: number }>;
  update(productId: string, id: string, patch: { name?: string; permissions?: Scope[] }, now: number): Promise<boolean>;
  /**
   * Replaces prefix and hash in one guarded write (only while the key is not revoked):
   * from the moment it commits the old secret's prefix finds nothing, so the old key
   * stops working at once. False when the key is missing or revoked.
   */
  rotate(productId: string, id: string, prefix: string, secretHash: string, now: number): Promise<boolean>;
  /** Sets revokedAt once; a second revoke keeps the first time and answers true. */
  revoke(productId: string, id: string, now: number): Promise<boolean>;
  delete(productId: string, id: string): Promise<boolean>;
  /** Best-effort last-use stamp (callers throttle it; it may be lost on a crash). */
  touch(id: string, now: number): Promise<void>;
}
