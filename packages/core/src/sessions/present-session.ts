import type { SessionRecord } from "../records/session.ts";
import { toIso, toIsoOrNull } from "../clock.ts";

/** A session as every answer and webhook payload shows it. */
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
