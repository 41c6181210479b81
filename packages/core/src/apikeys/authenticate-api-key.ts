import type { GgContext } from "../context.ts";
import { GgError } from "../errors/gg-error.ts";
import { constantTimeEqual, sha256Hex } from "../crypto/hash.ts";
import { apiKeyPrefix } from "./key-format.ts";
import type { ApiKeyPrincipal } from "./principal.ts";

/** lastUsedAt is accurate to this much: a busy key (authorize traffic) costs one write a minute, not one per call. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function shouldStampLastUse(lastUsedAt: number | null, now: number): boolean {
  return lastUsedAt === null || now - lastUsedAt >= LAST_USED_RESOLUTION_MS;
}

/**
 * X-Api-Key → the principal. One indexed lookup by prefix, then a constant-time compare
 * of the hash; malformed, unknown, revoked and wrong keys all answer the same 401.
 */
export async function authenticateApiKey(ctx: GgContext, rawKey: string): Promise<ApiKeyPrincipal> {
  const prefix = apiKeyPrefix(rawKey);
  const record = prefix === null ? null : await ctx.store.apiKeys.findByPrefix(prefix);
  if (record === null || record.revokedAt !== null || !constantTimeEqual(record.secretHash, sha256Hex(rawKey))) {
    throw new GgError("UNAUTHORIZED", "Invalid or revoked API key");
  }
  const now = ctx.clock.now();
  // Awaited, not fired and forgotten: a stray write landing inside the caller's next
  // transaction would stall an embedded libSQL database. Best effort: a failure is ignored.
  if (shouldStampLastUse(record.lastUsedAt, now)) await ctx.store.apiKeys.touch(record.id, now).catch(() => {});
  return { id: record.id, name: record.name, productId: record.productId, orgId: record.orgId, permissions: record.permissions };
}
