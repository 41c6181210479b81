import { and, asc, eq, isNotNull, ne, or, sql } from "drizzle-orm";
import type { EndUserAccount, EndUserAccountStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { endUserOneTimeTokens, endUserRefreshTokens, endUsers } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";
import { libsqlOneTimeTokens, libsqlRefreshTokens } from "../accounts/tokens.ts";

const accountColumns = {
  endUser: {
    id: endUsers.id,
    orgId: endUsers.orgId,
    username: endUsers.username,
    email: endUsers.email,
    createdAt: endUsers.createdAt,
    updatedAt: endUsers.updatedAt,
  },
  passwordHash: endUsers.passwordHash,
};

export function libsqlEndUserAccounts(db: Executor): EndUserAccountStore {
  return {
    refreshTokens: libsqlRefreshTokens(db, endUserRefreshTokens),
    oneTimeTokens: libsqlOneTimeTokens(db, endUserOneTimeTokens),
    async findById(id) {
      const row = await db.select(accountColumns).from(endUsers).where(eq(endUsers.id, id)).get();
      return (row as EndUserAccount | undefined) ?? null;
    },
    async findForLogin(orgId, login) {
      const lower = login.trim().toLowerCase();
      const row = await db
        .select(accountColumns)
        .from(endUsers)
        .where(and(eq(endUsers.orgId, orgId), isNotNull(endUsers.passwordHash), or(eq(endUsers.usernameLower, lower), eq(endUsers.emailLower, lower))))
        // A username match first (usernames are unique), then the oldest email match.
        .orderBy(sql`${endUsers.usernameLower} = ${lower} DESC`, asc(endUsers.createdAt))
        .limit(1)
        .get();
      return (row as EndUserAccount | undefined) ?? null;
    },
    async emailTaken(orgId, email, exceptId) {
      const lower = email.trim().toLowerCase();
      const where = and(eq(endUsers.orgId, orgId), eq(endUsers.emailLower, lower), exceptId === undefined ? undefined : ne(endUsers.id, exceptId));
      return (await db.select({ id: endUsers.id }).from(endUsers).where(where).limit(1).get()) !== undefined;
    },
    async setPassword(id, passwordHash, now) {
      await db.update(endUsers).set({ passwordHash, updatedAt: now }).where(eq(endUsers.id, id));
    },
    async updateProfile(id, patch, now) {
      const set: Partial<typeof endUsers.$inferInsert> = { updatedAt: now };
      if (patch.username !== undefined) Object.assign(set, { username: patch.username, usernameLower: patch.username.toLowerCase() });
      if (patch.email !== undefined) Object.assign(set, { email: patch.email, emailLower: patch.email?.toLowerCase() ?? null });
      await conflictOnDuplicate("An end user with this username already exists in the organization", () => db.update(endUsers).set(set).where(eq(endUsers.id, id)));
    },
  };
}
