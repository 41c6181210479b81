import type { GgContext } from "../context.ts";
import type { Store } from "../ports/store.ts";
import type { SessionRecord } from "../records/session.ts";
import { GgError } from "../errors/gg-error.ts";
import type { LicenseView } from "../records/license.ts";
import { recordSessionEvent } from "../webhooks/record-event.ts";
import type { ActingContext } from "../audit/actor.ts";
import type { AuditChange } from "../audit/audit-entry.ts";
import { recordAudits } from "../audit/record-audit.ts";

export function listActiveSessions(ctx: GgContext, licenseId: string): Promise<SessionRecord[]> {
  return ctx.store.sessions.listActive(licenseId, ctx.clock.now());
}

type SessionLicense = Pick<LicenseView, "id" | "key" | "productId">;

/** A session killed from the dashboard (sessions the authorize path opens and ends are events, not entries). */
function sessionAudit(session: SessionRecord, license: SessionLicense, orgId: string, now: number): AuditChange {
  return {
    action: "session.revoked",
    resource: { type: "session", id: session.id },
    orgId,
    productId: license.productId,
    changes: { revokedAt: [null, new Date(now).toISOString()] },
  };
}

/** Kills one live session (its next heartbeat answers SESSION_REVOKED) and emits session.revoked. */
export async function revokeSession(ctx: ActingContext, license: SessionLicense, orgId: string, sessionId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    const session = (await tx.sessions.listActive(license.id, now)).find((s) => s.id === sessionId);
    if (session === undefined || !(await tx.sessions.revoke(license.id, sessionId, now))) {
      throw new GgError("NOT_FOUND", "No live session with this id on this license");
    }
    await recordSessionEvent(tx, "session.revoked", { ...session, revokedAt: now }, license, now);
    await recordAudits(tx, ctx.origin, [sessionAudit(session, license, orgId, now)], now);
  });
}

/** Kills every live session of the license, one session.revoked event each. */
export async function revokeAllSessions(ctx: ActingContext, license: SessionLicense, orgId: string): Promise<{ revoked: number }> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const live = await tx.sessions.listActive(license.id, now);
    const revoked = await tx.sessions.revokeAll(license.id, now);
    for (const session of live) await recordSessionEvent(tx, "session.revoked", { ...session, revokedAt: now }, license, now);
    await recordAudits(tx, ctx.origin, live.map((session) => sessionAudit(session, license, orgId, now)), now);
    return { revoked };
  });
}
