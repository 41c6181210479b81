import type { LicensePatch, LicenseScope } from "../ports/licenses.ts";
import type { Store } from "../ports/store.ts";
import { patchedView } from "./license.ts";
import type { LicenseView } from "../records/license.ts";
import { GgError } from "../errors/gg-error.ts";
import { extend, freeze, unfreeze } from "./time-rules.ts";
import { actionPatch } from "./patch-license.ts";
import { recordLicenseEvents } from "../webhooks/record-event.ts";
import type { ActingContext } from "../audit/actor.ts";
import type { AuditChange } from "../audit/audit-entry.ts";
import { recordAudits } from "../audit/record-audit.ts";
import { licenseAuditChange, licenseChanges, licenseDeletion, orgsOfLicenses } from "./license-audit.ts";

export type BulkAction = "freeze" | "unfreeze" | "revoke" | "unrevoke" | { extendDays: number };

/** Pure: what a bulk action changes on one license; null when it changes nothing. */
export function bulkPatch(license: LicenseView, action: BulkAction, now: number): LicensePatch | null {
  if (typeof action === "object") return extend(license, action.extendDays);
  switch (action) {
    case "freeze":
      return freeze(license, now);
    case "unfreeze":
      return unfreeze(license, now);
    case "revoke":
    case "unrevoke": {
      const patch = actionPatch(action);
      return patch.status === license.status ? null : patch;
    }
  }
}

/** All ids must be visible in scope, or nothing happens (one transaction, all or none). */
async function loadAll(tx: Store, scope: LicenseScope, ids: string[]): Promise<LicenseView[]> {
  const licenses = await tx.licenses.loadMany(scope, ids);
  if (licenses.length !== ids.length) {
    const found = new Set(licenses.map((l) => l.id));
    const missing = ids.filter((id) => !found.has(id));
    throw new GgError("NOT_FOUND", `${missing.length} license(s) not found; nothing was changed`, {
      details: missing.slice(0, 100).map((id) => ({ path: "/ids", message: `License ${id} not found` })),
    });
  }
  return licenses;
}

const BULK_EVENT = { freeze: "license.frozen", unfreeze: "license.unfrozen", revoke: "license.revoked", unrevoke: "license.unrevoked" } as const;

/**
 * freeze / unfreeze / revoke / unrevoke / extend on up to 1000 licenses; `updated` counts
 * real changes, and each changed license gets its own event, in the same transaction.
 */
export async function bulkUpdateLicenses(ctx: ActingContext, scope: LicenseScope, ids: string[], action: BulkAction): Promise<{ updated: number }> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const changed: LicenseView[] = [];
    const audits: AuditChange[] = [];
    const licenses = await loadAll(tx, scope, ids);
    const orgs = await orgsOfLicenses(tx, licenses);
    const event = typeof action === "object" ? "license.extended" : BULK_EVENT[action];
    for (const license of licenses) {
      const patch = bulkPatch(license, action, now);
      if (patch === null) continue;
      await tx.licenses.update(license.id, patch, now);
      const after = patchedView(license, patch, now);
      changed.push(after);
      audits.push(licenseAuditChange(event, license, orgs.get(license.productId)!, licenseChanges(license, after)));
    }
    // One entry per changed license (docs/team-and-audit.md#an-entry).
    await recordAudits(tx, ctx.origin, audits, now);
    if (typeof action === "object") await recordLicenseEvents(tx, "license.extended", changed, now, () => ({ days: action.extendDays }));
    else await recordLicenseEvents(tx, BULK_EVENT[action], changed, now);
    return { updated: changed.length };
  });
}

export async function bulkDeleteLicenses(ctx: ActingContext, scope: LicenseScope, ids: string[]): Promise<{ deleted: number }> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const licenses = await loadAll(tx, scope, ids);
    const deleted = await tx.licenses.deleteMany(ids);
    await recordLicenseEvents(tx, "license.deleted", licenses, now);
    const orgs = await orgsOfLicenses(tx, licenses);
    await recordAudits(tx, ctx.origin, licenses.map((l) => licenseAuditChange("license.deleted", l, orgs.get(l.productId)!, licenseDeletion(l))), now);
    return { deleted };
  });
}
