import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { OneTimeTokenRecord, OneTimeTokenStore, RecoveryCodeStore, RefreshTokenRecord, RefreshTokenStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { oneTimeTokens as dashboardOneTimeTokens, recoveryCodes, refreshTokens as dashboardRefreshTokens, type OneTimeTokenTable, type RefreshTokenTable } from "../../schema/index.ts";

/** Over the dashboard accounts' table by default; the portal passes its end users' table. */
export function libsqlRefreshTokens(db: Executor, refreshTokens: RefreshTokenTable = dashboardRefreshTokens): RefreshTokenStore {
  return {
    async insert(token) {
      await db.insert(refreshTokens).values(token);
    },
    async findByHash(tokenHash) {
      const row = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).get();
      return (row as RefreshTokenRecord | undefined) ?? null;
    },
    async markRotated(id, at) {
      const result = await db
        .update(refreshTokens)
        .set({ rotatedAt: at })
        .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)));
      return result.rowsAffected === 1;
    },
    async revokeFamily(familyId, at) {
      await db
        .update(refreshTokens)
        .set({ revokedAt: at })
        .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
    },
    async revokeAllForUser(userId, at) {
      await db
        .update(refreshTokens)
        .set({ revokedAt: at })
        .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
    },
  };
}

export function libsqlOneTimeTokens(db: Executor, oneTimeTokens: OneTimeTokenTable = dashboardOneTimeTokens): OneTimeTokenStore {
  const live = (now: number) => and(isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now));
  return {
    async insert(token) {
      await db.insert(oneTimeTokens).values(token);
    },
    async findLive(purpose, tokenHash, now) {
      const row = await db
        .select()
        .from(oneTimeTokens)
        .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.purpose, purpose), live(now)))
        .get();
      return (row as OneTimeTokenRecord | undefined) ?? null;
    },
    async consume(id, now) {
      const result = await db
        .update(oneTimeTokens)
        .set({ usedAt: now })
        .where(and(eq(oneTimeTokens.id, id), live(now)));
      return result.rowsAffected === 1;
    },
    async claimAttempt(id, max, now) {
      const row = await db
        .update(oneTimeTokens)
        .set({ failedAttempts: sql`${oneTimeTokens.failedAttempts} + 1` })
        .where(and(eq(oneTimeTokens.id, id), lt(oneTimeTokens.failedAttempts, max), live(now)))
        .returning({ failedAttempts: oneTimeTokens.failedAttempts })
        .get();
      return row?.failedAttempts ?? null;
    },
    async expireAllForUser(userId, purpose, now) {
      await db
        .update(oneTimeTokens)
        .set({ usedAt: now })
        .where(and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), live(now)));
    },
  };
}

export function libsqlRecoveryCodes(db: Executor): RecoveryCodeStore {
  return {
    async replaceAll(userId, codeHashes, now) {
      await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      if (codeHashes.length > 0) {
        await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null, createdAt: now })));
      }
    },
    async consume(userId, codeHash, now) {
      const result = await db
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)));
      return result.rowsAffected === 1;
    },
    async deleteAll(userId) {
      await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    },
  };
}
