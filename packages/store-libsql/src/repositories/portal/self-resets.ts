import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { SelfResetStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { endUserSelfResets as resets } from "../../schema/index.ts";

export function libsqlSelfResets(db: Executor): SelfResetStore {
  return {
    async claim(reset, limits) {
      // One INSERT … SELECT … WHERE: SQLite runs it atomically, so the count it checks is
      // the count it adds to, whichever process or request comes at the same time.
      const result = await db.run(sql`
        INSERT INTO ${resets} (id, license_id, end_user_id, at)
        SELECT ${reset.id}, ${reset.licenseId}, ${reset.endUserId}, ${reset.at}
        WHERE NOT EXISTS (SELECT 1 FROM ${resets} WHERE license_id = ${reset.licenseId} AND at > ${reset.at - limits.cooldownMs})
          AND (SELECT count(*) FROM ${resets} WHERE license_id = ${reset.licenseId} AND at > ${reset.at - limits.windowMs}) < ${limits.maxInWindow}`);
      return result.rowsAffected === 1;
    },
    async since(licenseId, since) {
      const rows = await db.select({ at: resets.at }).from(resets).where(and(eq(resets.licenseId, licenseId), gt(resets.at, since))).orderBy(asc(resets.at));
      return rows.map((row) => row.at);
    },
  };
}
