import type { GgContext } from "../context.ts";
import type { Store } from "../ports/store.ts";
import type { SessionRecord } from "../records/session.ts";
import { GgError } from "../errors/gg-error.ts";
import type { LicenseView } from "../records/license.ts";
import { recordSessionEvent } from "../webhooks/record-event.ts";

export function listActiveSessions(ctx: GgContext, licenseId: string): Promise<SessionRecord[]> {
  return ctx.store.sessions.listActive(licenseId, ctx.clock.now());
}

type SessionLicense = Pick<LicenseView, "id" | "key" | "productId">;

/**
 * Kills one live session (its next heartbeat answers SESSION_REVOKED) and emits session.revoked.
 * `alsoInTx` runs in the same transaction once the session is revoked (the caller's audit entry).
 */
export async function revokeSession(
  ctx: GgContext,
  license: SessionLicense,
  sessionId: string,
  alsoInTx?: (tx: Store, now: number) => Promise<void>,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    const session = (await tx.sessions.listActive(license.id, now)).find((s) => s.id === sessionId);
    if (session === undefined || !(await tx.sessions.revoke(license.id, sessionId, now))) {
      throw new GgError("NOT_FOUND", "No live session with this id on this license");
    }
    await recordSessionEvent(tx, "session.revoked", { ...session, revokedAt: now }, license, now);
    await alsoInTx?.(tx, now);
  });
}

/** Kills every live session of the license, one session.revoked event each. */
export async function revokeAllSessions(ctx: GgContext, license: SessionLicense): Promise<{ revoked: number }> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const live = await tx.sessions.listActive(license.id, now);
    const revoked = await tx.sessions.revokeAll(license.id, now);
    for (const session of live) await recordSessionEvent(tx, "session.revoked", { ...session, revokedAt: now }, license, now);
    return { revoked };
  });
}
