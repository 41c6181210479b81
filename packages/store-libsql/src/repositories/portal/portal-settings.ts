import { eq } from "drizzle-orm";
import type { PortalSettingsStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { portalSettings } from "../../schema/index.ts";

export function libsqlPortalSettings(db: Executor): PortalSettingsStore {
  return {
    async find(orgId) {
      const row = await db.select().from(portalSettings).where(eq(portalSettings.orgId, orgId)).get();
      if (row === undefined) return null;
      const { orgId: _org, updatedAt: _updated, ...settings } = row;
      return settings;
    },
    async save(orgId, settings, now) {
      await db
        .insert(portalSettings)
        .values({ orgId, ...settings, updatedAt: now })
        .onConflictDoUpdate({ target: portalSettings.orgId, set: { ...settings, updatedAt: now } });
    },
  };
}
