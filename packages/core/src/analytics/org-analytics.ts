import type { GgContext } from "../context.ts";
import type { AnalyticsScope } from "../ports/analytics.ts";
import { GgError } from "../errors/gg-error.ts";
import { orgAccess } from "../orgs/org-access.ts";
import { productAccess } from "../products/product-access.ts";
import { analyticsDayRange, isoDate } from "./day-range.ts";
import type { AnalyticsQuery, OrgAnalytics } from "./schemas.ts";

const TOP_PRODUCTS = 10;

/**
 * GET /v1/dashboard/orgs/:orgId/analytics (any role; docs/team-and-audit.md#analytics):
 * the org's (or one of its products') licenses now and a daily series over the range,
 * one entry per UTC day, days without data included as zeros.
 */
export async function orgAnalytics(ctx: GgContext, userId: string, orgId: string, query: AnalyticsQuery): Promise<OrgAnalytics> {
  await orgAccess(ctx, userId, orgId, "read");
  const now = ctx.clock.now();
  const range = analyticsDayRange(query, now);
  const scope: AnalyticsScope = { orgId };
  if (query.productId !== undefined) {
    const { product } = await productAccess(ctx, userId, query.productId, "read");
    if (product.orgId !== orgId) throw new GgError("NOT_FOUND", "This organization has no such product");
    scope.productId = query.productId;
  }
  const data = await ctx.store.analytics.orgAnalytics(scope, range, now);

  const days = new Map<number, OrgAnalytics["series"][number]>();
  for (let day = range.fromDay; day <= range.toDay; day++) {
    days.set(day, { date: isoDate(day), created: data.createdByDay.get(day) ?? 0, authorizations: 0, denials: {}, uniqueLicenses: 0 });
  }
  const byProduct = new Map<string, number>();
  for (const { productId, day, outcomes, uniqueLicenses } of data.productDays) {
    const entry = days.get(day);
    if (entry === undefined) continue;
    entry.uniqueLicenses += uniqueLicenses;
    for (const [outcome, n] of Object.entries(outcomes)) {
      if (outcome === "ALLOWED") {
        entry.authorizations += n;
        byProduct.set(productId, (byProduct.get(productId) ?? 0) + n);
      } else {
        const denials = entry.denials as Record<string, number>;
        denials[outcome] = (denials[outcome] ?? 0) + n;
      }
    }
  }
  const topProducts = data.products
    .map(({ id, name }) => ({ productId: id, name, authorizations: byProduct.get(id) ?? 0 }))
    .filter((p) => p.authorizations > 0)
    .sort((a, b) => b.authorizations - a.authorizations || a.name.localeCompare(b.name))
    .slice(0, TOP_PRODUCTS);
  return { licenses: data.licenses, activeSessions: data.activeSessions, boundHwids: data.boundHwids, series: [...days.values()], topProducts };
}
