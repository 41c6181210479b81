import type { GgContext } from "../context.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAppDataAudit } from "./app-data-audit.ts";
import type { VersionRecord } from "../records/version.ts";
import type { VersionPatch } from "../ports/versions.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { assertTimestampInRange } from "../schemas/timestamp.ts";
import { offsetOf, pageRequest, paginationOf, type Pagination } from "../pagination/pagination.ts";
import { assertProductCaller, type Caller, type ProductNeed } from "../products/caller-access.ts";
import { recordVersionEvent } from "../webhooks/record-event.ts";
import { compareVersions, normalizedVersion, parseVersion } from "./semver.ts";
import { DEFAULT_CHANNELS } from "./channels.ts";
import type { CreateVersionInput, PatchVersionInput } from "./schemas.ts";

/** Anyone who reads the product (and `version:read` keys) lists; admins (and `version:write` keys) release, change and yank. */
const READ: ProductNeed = { action: "read", scope: "version:read" };
const WRITE: ProductNeed = { action: "manageProducts", scope: "version:write" };

const notFound = () => new GgError("NOT_FOUND", "Version not found");

/** Releases a version on a channel: 400 for text that is not semver 2.0, 409 when the channel has it already. */
export async function createVersion(ctx: ActingContext, caller: Caller, productId: string, input: CreateVersionInput): Promise<VersionRecord> {
  await assertProductCaller(ctx, caller, productId, WRITE);
  const parsed = parseVersion(input.version);
  if (parsed === null) {
    throw new GgError("VALIDATION_ERROR", "Invalid version", { details: [{ path: "/version", message: "Expected a semver 2.0 version, e.g. 1.4.0 or 2.0.0-beta.1" }] });
  }
  const now = ctx.clock.now();
  const record: VersionRecord = {
    id: uuidv7(now),
    productId,
    version: normalizedVersion(parsed),
    channel: input.channel ?? DEFAULT_CHANNELS[0],
    notes: input.notes ?? null,
    required: input.required ?? false,
    fileId: input.fileId ?? null,
    releasedAt: input.releasedAt !== undefined ? assertTimestampInRange(Date.parse(input.releasedAt), "/releasedAt") : now,
    yankedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.versions.insert(record);
    await recordVersionEvent(tx, "version.released", record, now);
    await recordAppDataAudit(tx, ctx, productId, "version.released", { type: "version", id: record.id }, { version: [null, record.version], channel: [null, record.channel], required: [null, record.required] }, now);
  });
  return record;
}

/** One page of the product's versions (optionally of one channel), newest semver first; yanked ones included. */
export async function listVersions(
  ctx: GgContext,
  caller: Caller,
  productId: string,
  query: { channel?: string; page?: number; pageSize?: number },
): Promise<{ items: VersionRecord[]; pagination: Pagination }> {
  await assertProductCaller(ctx, caller, productId, READ);
  const page = pageRequest(query);
  const all = (await ctx.store.versions.listByProduct(productId, query.channel))
    .map((record) => ({ record, parsed: parseVersion(record.version)! }))
    .sort((a, b) => compareVersions(b.parsed, a.parsed) || a.record.channel.localeCompare(b.record.channel))
    .map(({ record }) => record);
  const start = offsetOf(page);
  return { items: all.slice(start, start + page.pageSize), pagination: paginationOf(page, all.length) };
}

export async function getVersion(ctx: GgContext, caller: Caller, productId: string, versionId: string): Promise<VersionRecord> {
  await assertProductCaller(ctx, caller, productId, READ);
  return (await ctx.store.versions.find(productId, versionId)) ?? Promise.reject(notFound());
}

/** Changes notes, required, fileId or releasedAt; the version and channel never change (release another one). */
export async function patchVersion(ctx: ActingContext, caller: Caller, productId: string, versionId: string, input: PatchVersionInput): Promise<VersionRecord> {
  await assertProductCaller(ctx, caller, productId, WRITE);
  const patch: VersionPatch = {};
  if (input.notes !== undefined) patch.notes = input.notes;
  if (input.required !== undefined) patch.required = input.required;
  if (input.fileId !== undefined) patch.fileId = input.fileId;
  if (input.releasedAt !== undefined) patch.releasedAt = assertTimestampInRange(Date.parse(input.releasedAt), "/releasedAt");
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const current = await tx.versions.find(productId, versionId);
    if (current === null || !(await tx.versions.update(productId, versionId, patch, now))) throw notFound();
    const changes = Object.fromEntries(Object.entries(patch).map(([field, value]) => [field, [current[field as keyof VersionPatch], value] as [unknown, unknown]]));
    await recordAppDataAudit(tx, ctx, productId, "version.updated", { type: "version", id: versionId }, changes, now);
    return { ...current, ...patch, updatedAt: now };
  });
}

/** Hides a version from apps (kept for history); yanking a yanked version changes nothing and emits nothing. */
export async function yankVersion(ctx: ActingContext, caller: Caller, productId: string, versionId: string): Promise<VersionRecord> {
  await assertProductCaller(ctx, caller, productId, WRITE);
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const current = await tx.versions.find(productId, versionId);
    if (current === null) throw notFound();
    if (current.yankedAt !== null) return current;
    await tx.versions.update(productId, versionId, { yankedAt: now }, now);
    const yanked = { ...current, yankedAt: now, updatedAt: now };
    await recordVersionEvent(tx, "version.yanked", yanked, now);
    await recordAppDataAudit(tx, ctx, productId, "version.yanked", { type: "version", id: versionId }, { yankedAt: [null, new Date(now).toISOString()] }, now);
    return yanked;
  });
}
