import { and, eq, getTableColumns, isNull, lt, or, sql } from "drizzle-orm";
import type { UserPatch, UserRecord, UserStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { users } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";

/** The schema's columns, by record field: the guarded insert below names them from here, not by hand. */
const COLUMNS = Object.entries(getTableColumns(users)) as [keyof UserRecord, { name: string }][];

export function libsqlUsers(db: Executor): UserStore {
  return {
    async insert(user) {
      await conflictOnDuplicate("An account with this email already exists", () => db.insert(users).values(user));
    },
    async insertIfFirst(user) {
      // Check and insert in one statement: SQLite takes the write lock before it runs, so
      // two callers (in any process) cannot both see an empty table.
      const names = sql.join(COLUMNS.map(([, column]) => sql.identifier(column.name)), sql`, `);
      const values = sql.join(COLUMNS.map(([field]) => sql`${user[field]}`), sql`, `);
      const result = await db.run(sql`INSERT INTO ${users} (${names}) SELECT ${values} WHERE NOT EXISTS (SELECT 1 FROM ${users})`);
      return result.rowsAffected === 1;
    },
    async anyExists() {
      return (await db.select({ id: users.id }).from(users).limit(1).get()) !== undefined;
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
