import type { GgContext } from "../context.ts";
import type { LicenseCounts, LicenseFilter, LicenseScope } from "../ports/licenses.ts";
import type { LicenseView } from "../records/license.ts";
import { offsetOf, paginationOf, pageRequest, type Pagination } from "../pagination/pagination.ts";
import { DAY_MS } from "./time-rules.ts";

export interface LicenseFilterQuery {
  productId?: string;
  status?: "active" | "revoked";
  frozen?: "true" | "false";
  expired?: "true" | "false";
  search?: string;
  endUserId?: string;
}

/** Query-string filters → the store's filter. */
export function licenseFilterOf(query: LicenseFilterQuery): LicenseFilter {
  const filter: LicenseFilter = {};
  if (query.productId !== undefined) filter.productId = query.productId;
  if (query.status !== undefined) filter.status = query.status;
  if (query.frozen !== undefined) filter.frozen = query.frozen === "true";
  if (query.expired !== undefined) filter.expired = query.expired === "true";
  if (query.search !== undefined) filter.search = query.search;
  if (query.endUserId !== undefined) filter.endUserId = query.endUserId;
  return filter;
}

export async function listLicenses(
  ctx: GgContext,
  scope: LicenseScope,
  query: LicenseFilterQuery & { page?: number; pageSize?: number },
): Promise<{ items: LicenseView[]; pagination: Pagination }> {
  const request = pageRequest(query);
  const { items, total } = await ctx.store.licenses.list(
    scope,
    licenseFilterOf(query),
    { offset: offsetOf(request), limit: request.pageSize },
    ctx.clock.now(),
  );
  return { items, pagination: paginationOf(request, total) };
}

/** Licenses whose expiry falls within the next `withinDays` (default 7), soonest first. */
export async function listExpiringLicenses(
  ctx: GgContext,
  scope: LicenseScope,
  query: { productId?: string; withinDays?: number; page?: number; pageSize?: number },
): Promise<{ items: LicenseView[]; pagination: Pagination; withinDays: number }> {
  const now = ctx.clock.now();
  const withinDays = query.withinDays ?? 7;
  const request = pageRequest(query);
  const filter: LicenseFilter = { expired: false, expiresBefore: now + withinDays * DAY_MS, ...(query.productId ? { productId: query.productId } : {}) };
  const { items, total } = await ctx.store.licenses.list(scope, filter, { offset: offsetOf(request), limit: request.pageSize }, now);
  return { items, pagination: paginationOf(request, total), withinDays };
}

export function licenseAnalytics(ctx: GgContext, scope: LicenseScope): Promise<LicenseCounts> {
  return ctx.store.licenses.counts(scope, ctx.clock.now());
}
