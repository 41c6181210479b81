import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { UserPatch, UserRecord, UserStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { users } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";

export function libsqlUsers(db: Executor): UserStore {
  return {
    async insert(user) {
      await conflictOnDuplicate("An account with this email already exists", () => db.insert(users).values(user));
    },
    async findById(id) {
      return ((await db.select().from(users).where(eq(users.id, id)).get()) as UserRecord | undefined) ?? null;
    },
    async findByEmail(email) {
      return ((await db.select().from(users).where(eq(users.email, email)).get()) as UserRecord | undefined) ?? null;
    },
    async update(id, patch: UserPatch, now) {
      await db
        .update(users)
        .set({ ...patch, updatedAt: now })
        .where(eq(users.id, id));
    },
    async advanceTotpStep(id, step) {
      const result = await db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))));
      return result.rowsAffected === 1;
    },
  };
}
