import type { GgContext } from "../context.ts";
import { DEFAULT_CHANNELS } from "../versions/channels.ts";
import { assertTimestampInRange } from "../schemas/timestamp.ts";
import type { ProductRecord } from "../records/product.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { newLicenseKey } from "./license-key.ts";
import type { LicenseRecord, LicenseView } from "../records/license.ts";
import type { CreateLicensesInput } from "./schemas.ts";
import { assertMetadataSize } from "./metadata.ts";
import { recordLicenseEvents } from "../webhooks/record-event.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudits } from "../audit/record-audit.ts";
import { licenseAuditChange, licenseCreation } from "./license-audit.ts";

/** The end user named by id, in the product's org, or 404. */
export async function endUserOfOrg(ctx: GgContext, orgId: string, endUserId: string): Promise<EndUserRecord> {
  const endUser = await ctx.store.endUsers.find({ kind: "org", orgId }, endUserId);
  if (endUser === null) throw new GgError("NOT_FOUND", "End user not found");
  return endUser;
}

/**
 * Creates `count` (1–500) licenses in one transaction. A license with durationDays and
 * no expiresAt starts its clock at first redeem or authorize (docs/licenses.md#time-the-duration-clock-freeze-and-extend); without
 * either, the product policy's durationDays applies.
 */
export async function createLicenses(ctx: ActingContext, product: ProductRecord, input: CreateLicensesInput): Promise<LicenseView[]> {
  assertMetadataSize(input.metadata);
  const owner = input.endUserId === undefined ? null : await endUserOfOrg(ctx, product.orgId, input.endUserId);
  const now = ctx.clock.now();
  const expiresAt = input.expiresAt ? assertTimestampInRange(Date.parse(input.expiresAt), "/expiresAt") : null;
  const durationDays = input.durationDays !== undefined ? input.durationDays : expiresAt === null ? product.policy.durationDays : null;
  const policyOverrides = {
    ...input.policy,
    ...(input.maxHwids !== undefined ? { maxHwids: input.maxHwids } : {}),
    ...(input.maxIps !== undefined ? { maxIps: input.maxIps } : {}),
  };
  const records: LicenseRecord[] = Array.from({ length: input.count ?? 1 }, () => ({
    id: uuidv7(now),
    productId: product.id,
    key: newLicenseKey(),
    status: "active",
    frozen: false,
    frozenAt: null,
    expiresAt,
    durationDays,
    policyOverrides,
    hwids: [],
    ips: [],
    note: input.note ?? null,
    metadata: input.metadata ?? {},
    endUserId: owner?.id ?? null,
    channels: input.channels ?? [...DEFAULT_CHANNELS],
    updatesUntil: input.updatesUntil ? assertTimestampInRange(Date.parse(input.updatesUntil), "/updatesUntil") : null,
    redeemedAt: null,
    lastAuthorizedAt: null,
    createdAt: now,
    updatedAt: now,
  }));
  const ownerView = owner === null ? null : { id: owner.id, username: owner.username, email: owner.email };
  const views = records.map((record) => ({ ...record, devices: [], owner: ownerView, productPolicy: product.policy }));
  await ctx.store.transaction(async (tx) => {
    await tx.licenses.insertMany(records);
    await recordLicenseEvents(tx, "license.created", views, now);
    // One entry per license, so a license's history is found by its id (docs/team-and-audit.md#an-entry).
    await recordAudits(tx, ctx.origin, views.map((view) => licenseAuditChange("license.created", view, product.orgId, licenseCreation(view))), now);
  });
  return views;
}
