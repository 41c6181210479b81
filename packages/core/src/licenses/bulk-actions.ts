import type { GgContext } from "../context.ts";
import type { LicensePatch, LicenseScope } from "../ports/licenses.ts";
import type { Store } from "../ports/store.ts";
import type { LicenseView } from "./license.ts";
import { GgError } from "../errors/gg-error.ts";
import { extend, freeze, unfreeze } from "./time-rules.ts";
import { actionPatch } from "./patch-license.ts";

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

/** freeze / unfreeze / revoke / unrevoke / extend on up to 1000 licenses; `updated` counts real changes. */
export async function bulkUpdateLicenses(ctx: GgContext, scope: LicenseScope, ids: string[], action: BulkAction): Promise<{ updated: number }> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    let updated = 0;
    for (const license of await loadAll(tx, scope, ids)) {
      const patch = bulkPatch(license, action, now);
      if (patch === null) continue;
      await tx.licenses.update(license.id, patch, now);
      updated += 1;
    }
    return { updated };
  });
}

export async function bulkDeleteLicenses(ctx: GgContext, scope: LicenseScope, ids: string[]): Promise<{ deleted: number }> {
  return ctx.store.transaction(async (tx) => {
    await loadAll(tx, scope, ids);
    return { deleted: await tx.licenses.deleteMany(ids) };
  });
}
