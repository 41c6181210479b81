import { and, asc, count, eq, exists, or, sql, type SQL } from "drizzle-orm";
import type { EndUserFilter, EndUserRecord, EndUserScope, EndUserStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { endUsers, licenses, orgMembers } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";
import { likePattern } from "./license-conditions.ts";

const columns = {
  id: endUsers.id,
  orgId: endUsers.orgId,
  username: endUsers.username,
  email: endUsers.email,
  createdAt: endUsers.createdAt,
  updatedAt: endUsers.updatedAt,
};

/** Org scope: the org's end users. Product scope: those owning a license of the product. */
function scopeCondition(db: Executor, scope: EndUserScope): SQL {
  const inOrg = eq(endUsers.orgId, scope.orgId);
  if (scope.kind === "org") return inOrg;
  const ownsLicense = db
    .select({ one: sql`1` })
    .from(licenses)
    .where(and(eq(licenses.endUserId, endUsers.id), eq(licenses.productId, scope.productId)));
  return and(inOrg, exists(ownsLicense))!;
}

function filterCondition(filter: EndUserFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.username !== undefined) conditions.push(eq(endUsers.usernameLower, filter.username.trim().toLowerCase()));
  if (filter.email !== undefined) conditions.push(eq(endUsers.emailLower, filter.email.trim().toLowerCase()));
  if (filter.search !== undefined) {
    const pattern = likePattern(filter.search);
    conditions.push(
      or(
        sql`${endUsers.usernameLower} LIKE ${pattern} ESCAPE '\\'`,
        sql`coalesce(${endUsers.emailLower}, '') LIKE ${pattern} ESCAPE '\\'`,
      )!,
    );
  }
  return conditions.length === 0 ? undefined : and(...conditions);
}

export function libsqlEndUsers(db: Executor): EndUserStore {
  return {
    async insert(endUser) {
      await conflictOnDuplicate("An end user with this username already exists in the organization", () =>
        db.insert(endUsers).values({
          ...endUser,
          usernameLower: endUser.username.toLowerCase(),
          emailLower: endUser.email?.toLowerCase() ?? null,
        }),
      );
    },
    async find(scope, id) {
      const row = await db.select(columns).from(endUsers).where(and(eq(endUsers.id, id), scopeCondition(db, scope))).get();
      return (row as EndUserRecord | undefined) ?? null;
    },
    async findAccess(id, userId) {
      const row = await db
        .select({ endUser: columns, role: orgMembers.role })
        .from(endUsers)
        .leftJoin(orgMembers, and(eq(orgMembers.orgId, endUsers.orgId), eq(orgMembers.userId, userId)))
        .where(eq(endUsers.id, id))
        .get();
      return row === undefined ? null : { endUser: row.endUser, role: row.role ?? null };
    },
    async list(scope, filter, page) {
      const where = and(scopeCondition(db, scope), filterCondition(filter));
      const items = await db.select(columns).from(endUsers).where(where).orderBy(asc(endUsers.usernameLower), asc(endUsers.id)).limit(page.limit).offset(page.offset);
      const [total] = await db.select({ n: count() }).from(endUsers).where(where);
      return { items, total: total?.n ?? 0 };
    },
  };
}
