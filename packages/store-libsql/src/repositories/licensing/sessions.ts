import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { SessionStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { licenseSessions } from "../../schema/index.ts";

export function libsqlSessions(db: Executor): SessionStore {
  const live = (now: number) => and(isNull(licenseSessions.revokedAt), gt(licenseSessions.expiresAt, now));
  return {
    async listActive(licenseId, now) {
      return db
        .select()
        .from(licenseSessions)
        .where(and(eq(licenseSessions.licenseId, licenseId), live(now)))
        .orderBy(desc(licenseSessions.createdAt), desc(licenseSessions.id));
    },
    async revoke(licenseId, sessionId, now) {
      const result = await db
        .update(licenseSessions)
        .set({ revokedAt: now })
        .where(and(eq(licenseSessions.id, sessionId), eq(licenseSessions.licenseId, licenseId), live(now)));
      return result.rowsAffected === 1;
    },
    async revokeAll(licenseId, now) {
      const result = await db
        .update(licenseSessions)
        .set({ revokedAt: now })
        .where(and(eq(licenseSessions.licenseId, licenseId), live(now)));
      return result.rowsAffected;
    },
  };
}
