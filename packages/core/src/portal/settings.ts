import type { GgContext } from "../context.ts";
import type { PortalSettings } from "../records/portal.ts";
import { GgError } from "../errors/gg-error.ts";
import { orgAccess } from "../orgs/org-access.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { PatchPortalSettingsInput } from "./schemas.ts";

/** What an org that never saved its settings has: the portal off. */
export const DEFAULT_PORTAL_SETTINGS: PortalSettings = {
  enabled: false,
  selfRegistration: false,
  hwidResetCooldownHours: 24,
  maxSelfResetsPer30Days: 3,
  allowSessionKill: true,
};

async function settingsOf(ctx: GgContext, orgId: string): Promise<PortalSettings> {
  return (await ctx.store.portalSettings.find(orgId)) ?? DEFAULT_PORTAL_SETTINGS;
}

/** Any member reads the org's portal settings. */
export async function getPortalSettings(ctx: GgContext, userId: string, orgId: string): Promise<PortalSettings> {
  await orgAccess(ctx, userId, orgId, "read");
  return settingsOf(ctx, orgId);
}

/** Admins change them; fields left out keep their value. */
export async function updatePortalSettings(ctx: ActingContext, userId: string, orgId: string, patch: PatchPortalSettingsInput): Promise<PortalSettings> {
  await orgAccess(ctx, userId, orgId, "updateOrg");
  const before = await settingsOf(ctx, orgId);
  const next = { ...before, ...patch };
  const changes = Object.fromEntries(
    (Object.keys(next) as (keyof PortalSettings)[]).filter((field) => before[field] !== next[field]).map((field): [string, [unknown, unknown]] => [field, [before[field], next[field]]]),
  );
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    await tx.portalSettings.save(orgId, next, now);
    await recordAudit(tx, ctx.origin, { action: "portal.updated", resource: { type: "portal", id: orgId }, orgId, productId: null, changes }, now);
  });
  return next;
}

/**
 * The settings of an org whose portal is on. An org without a portal, or one that does
 * not exist, answers the same 403 PORTAL_DISABLED (org ids are not probed this way).
 */
export async function openPortal(ctx: GgContext, orgId: string): Promise<PortalSettings> {
  const settings = await settingsOf(ctx, orgId);
  if (!settings.enabled) throw new GgError("PORTAL_DISABLED", "The end-user portal of this organization is turned off");
  return settings;
}
