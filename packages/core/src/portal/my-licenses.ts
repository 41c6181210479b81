import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import { auditLicense } from "./audit.ts";
import type { LicenseView } from "../records/license.ts";
import { GgError } from "../errors/gg-error.ts";
import { offsetOf, pageRequest, paginationOf, type Pagination } from "../pagination/pagination.ts";
import type { PortalCaller } from "./caller.ts";
import { presentPortalLicense, type PortalLicense } from "./present-portal-license.ts";
import { redeemableInOrg, redeemForSelf } from "./redeem-for-self.ts";

/**
 * One of the caller's licenses. The query is scoped to the caller's org and the owner is
 * checked, so another customer's license reads as not found, like one that does not exist.
 */
export async function myLicense(ctx: GgContext, caller: PortalCaller, licenseId: string): Promise<LicenseView> {
  const [license] = await ctx.store.licenses.loadMany({ kind: "org", orgId: caller.endUser.orgId }, [licenseId]);
  if (license === undefined || license.endUserId !== caller.endUser.id) throw new GgError("NOT_FOUND", "License not found");
  return license;
}

/** Product names and live session counts beside each license (a portal page holds few licenses). */
async function present(ctx: GgContext, licenses: LicenseView[]): Promise<PortalLicense[]> {
  const now = ctx.clock.now();
  const names = new Map<string, string>();
  for (const productId of new Set(licenses.map((license) => license.productId))) {
    names.set(productId, (await ctx.store.products.find(productId))?.name ?? "");
  }
  return Promise.all(
    licenses.map(async (license) =>
      presentPortalLicense(license, names.get(license.productId) ?? "", (await ctx.store.sessions.listActive(license.id, now)).length, now),
    ),
  );
}

export async function presentMyLicense(ctx: GgContext, license: LicenseView): Promise<PortalLicense> {
  return (await present(ctx, [license]))[0]!;
}

export async function listMyLicenses(
  ctx: GgContext,
  caller: PortalCaller,
  query: { page?: number; pageSize?: number },
): Promise<{ items: PortalLicense[]; pagination: Pagination }> {
  const request = pageRequest(query);
  const { items, total } = await ctx.store.licenses.list(
    { kind: "org", orgId: caller.endUser.orgId },
    { endUserId: caller.endUser.id },
    { offset: offsetOf(request), limit: request.pageSize },
    ctx.clock.now(),
  );
  return { items: await present(ctx, items), pagination: paginationOf(request, total) };
}

/** Redeems an unowned license key of the org for the caller (the vendor's redeem, same event). */
export async function redeemMyLicense(ctx: ActingContext, caller: PortalCaller, key: string): Promise<PortalLicense> {
  const license = await redeemableInOrg(ctx, caller.endUser.orgId, key);
  const now = ctx.clock.now();
  const redeemed = await ctx.store.transaction(async (tx) => {
    const view = await redeemForSelf(tx, license, caller.endUser, now);
    await auditLicense(tx, ctx.origin, "license.redeemed", view, caller.endUser.orgId, { endUserId: [null, caller.endUser.id] }, now);
    return view;
  });
  return presentMyLicense(ctx, redeemed);
}
