import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { LicenseFilter, LicenseScope } from "@geckoguard/core";
import { endUsers, licenses, orgMembers, products } from "../../schema/index.ts";

/** The tenancy condition: every license query carries one (products is always joined). */
export function scopeCondition(scope: LicenseScope): SQL {
  switch (scope.kind) {
    case "product":
      return eq(licenses.productId, scope.productId);
    case "org":
      return eq(products.orgId, scope.orgId);
    case "user":
      return inArray(products.orgId, sql`(SELECT ${orgMembers.orgId} FROM ${orgMembers} WHERE ${orgMembers.userId} = ${scope.userId})`);
  }
}

/** `%text%` for LIKE … ESCAPE '\\', case-folded, with the pattern characters escaped. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The license list filters (docs/licenses.md#lists-and-pagination) as one WHERE condition. */
export function filterCondition(scope: LicenseScope, filter: LicenseFilter, now: number): SQL {
  const conditions: (SQL | undefined)[] = [scopeCondition(scope)];
  if (filter.productId !== undefined) conditions.push(eq(licenses.productId, filter.productId));
  if (filter.status !== undefined) conditions.push(eq(licenses.status, filter.status));
  if (filter.frozen !== undefined) conditions.push(eq(licenses.frozen, filter.frozen));
  if (filter.expired === true) conditions.push(and(isNotNull(licenses.expiresAt), lte(licenses.expiresAt, now)));
  if (filter.expired === false) conditions.push(or(isNull(licenses.expiresAt), gt(licenses.expiresAt, now)));
  if (filter.expiresBefore !== undefined) conditions.push(and(isNotNull(licenses.expiresAt), lt(licenses.expiresAt, filter.expiresBefore)));
  if (filter.endUserId !== undefined) conditions.push(eq(licenses.endUserId, filter.endUserId));
  if (filter.search !== undefined) {
    const pattern = likePattern(filter.search);
    conditions.push(
      or(
        sql`lower(${licenses.key}) LIKE ${pattern} ESCAPE '\\'`,
        sql`lower(coalesce(${licenses.note}, '')) LIKE ${pattern} ESCAPE '\\'`,
        sql`coalesce(${endUsers.usernameLower}, '') LIKE ${pattern} ESCAPE '\\'`,
        sql`coalesce(${endUsers.emailLower}, '') LIKE ${pattern} ESCAPE '\\'`,
      ),
    );
  }
  return and(...conditions)!;
}
