import type { GgContext } from "../context.ts";
import type { SessionRecord } from "../ports/sessions.ts";
import { GgError } from "../errors/gg-error.ts";
import { toIso, toIsoOrNull } from "../clock.ts";

export function presentSession(session: SessionRecord) {
  return {
    id: session.id,
    licenseId: session.licenseId,
    hwid: session.hwid,
    ip: session.ip,
    appVersion: session.appVersion,
    createdAt: toIso(session.createdAt),
    lastSeenAt: toIso(session.lastSeenAt),
    expiresAt: toIso(session.expiresAt),
    revokedAt: toIsoOrNull(session.revokedAt),
  };
}

export function listActiveSessions(ctx: GgContext, licenseId: string): Promise<SessionRecord[]> {
  return ctx.store.sessions.listActive(licenseId, ctx.clock.now());
}

/** Kills one live session; its next heartbeat answers SESSION_REVOKED. */
export async function revokeSession(ctx: GgContext, licenseId: string, sessionId: string): Promise<void> {
  if (!(await ctx.store.sessions.revoke(licenseId, sessionId, ctx.clock.now()))) {
    throw new GgError("NOT_FOUND", "No live session with this id on this license");
  }
}

export async function revokeAllSessions(ctx: GgContext, licenseId: string): Promise<{ revoked: number }> {
  return { revoked: await ctx.store.sessions.revokeAll(licenseId, ctx.clock.now()) };
}
