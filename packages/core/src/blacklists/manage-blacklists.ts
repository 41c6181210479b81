import type { GgContext } from "../context.ts";
import type { BlacklistRecord, BlacklistType } from "../records/blacklist.ts";
import { pageRequest, paginationOf, type Pagination } from "../pagination/pagination.ts";
import type { ErrorDetail } from "../errors/gg-error.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { assertProductCaller, type Caller, type ProductNeed } from "../products/caller-access.ts";
import { entryIdentity, normalizeBlacklistEntry, type BlacklistEntryInput } from "./normalize-entry.ts";
import { MAX_BULK_BLACKLIST_ENTRIES } from "./schemas.ts";
import { recordBlacklistEvents } from "../webhooks/record-event.ts";
import type { ActingContext } from "../audit/actor.ts";
import type { AuditChange } from "../audit/audit-entry.ts";
import { recordAudits } from "../audit/record-audit.ts";

/** Viewers and `blacklist:read` keys list; members and `blacklist:write` keys change. */
const READ: ProductNeed = { action: "read", scope: "blacklist:read" };
const WRITE: ProductNeed = { action: "manageBlacklists", scope: "blacklist:write" };

/** One audit entry per blacklist entry, added or removed. */
function blacklistAudit(action: "blacklist.added" | "blacklist.removed", entry: BlacklistRecord, orgId: string): AuditChange {
  const fields = { type: entry.type, value: entry.value, reason: entry.reason };
  const changes = Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, action === "blacklist.added" ? [null, value] : [value, null]])) as AuditChange["changes"];
  return { action, resource: { type: "blacklist_entry", id: entry.id }, orgId, productId: entry.productId, changes };
}

/**
 * Validates every entry before anything is written: bad values → 400 with one detail per
 * entry, the same (type, value) twice in one request → 409.
 */
function prepareEntries(productId: string, inputs: BlacklistEntryInput[], now: number, path: (i: number) => string): BlacklistRecord[] {
  if (inputs.length > MAX_BULK_BLACKLIST_ENTRIES) {
    throw new GgError("VALIDATION_ERROR", `At most ${MAX_BULK_BLACKLIST_ENTRIES} entries per request`);
  }
  const invalid: ErrorDetail[] = [];
  const duplicates: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  const records: BlacklistRecord[] = [];
  inputs.forEach((input, i) => {
    const result = normalizeBlacklistEntry(input);
    if (!result.ok) {
      invalid.push({ path: `${path(i)}/value`, message: result.reason });
      return;
    }
    const identity = entryIdentity(result.entry);
    const first = seen.get(identity);
    if (first !== undefined) duplicates.push({ path: path(i), message: `Same ${result.entry.type} as ${path(first)}` });
    else seen.set(identity, i);
    records.push({ id: uuidv7(now), productId, createdAt: now, ...result.entry });
  });
  if (invalid.length > 0) throw new GgError("VALIDATION_ERROR", "Invalid blacklist entry", { details: invalid });
  if (duplicates.length > 0) throw new GgError("CONFLICT", "The request lists the same entry more than once", { details: duplicates });
  return records;
}

export async function addBlacklistEntry(
  ctx: ActingContext,
  caller: Caller,
  productId: string,
  input: BlacklistEntryInput,
): Promise<BlacklistRecord> {
  const orgId = await assertProductCaller(ctx, caller, productId, WRITE);
  const now = ctx.clock.now();
  const [record] = prepareEntries(productId, [input], now, () => "");
  await ctx.store.transaction(async (tx) => {
    await tx.blacklists.insert(record!);
    await recordBlacklistEvents(tx, "blacklist.added", [record!], now);
    await recordAudits(tx, ctx.origin, [blacklistAudit("blacklist.added", record!, orgId)], now);
  });
  return record!;
}

/** Up to 1000 entries in one transaction: all are added or none. */
export async function addBlacklistEntries(
  ctx: ActingContext,
  caller: Caller,
  productId: string,
  inputs: BlacklistEntryInput[],
): Promise<BlacklistRecord[]> {
  const orgId = await assertProductCaller(ctx, caller, productId, WRITE);
  const path = (i: number) => `/entries/${i}`;
  const now = ctx.clock.now();
  const records = prepareEntries(productId, inputs, now, path);
  await ctx.store.transaction(async (tx) => {
    const { alreadyListed } = await tx.blacklists.insertMany(records);
    if (alreadyListed.length > 0) {
      const details = alreadyListed.map((i) => ({ path: path(i), message: "Already on this product's blacklist" }));
      throw new GgError("CONFLICT", "Some entries are already on the blacklist; nothing was added", { details });
    }
    await recordBlacklistEvents(tx, "blacklist.added", records, now); // one event per entry
    await recordAudits(tx, ctx.origin, records.map((record) => blacklistAudit("blacklist.added", record, orgId)), now);
  });
  return records;
}

/** One page of the product's entries, newest first, optionally of one type. */
export async function listBlacklistEntries(
  ctx: GgContext,
  caller: Caller,
  productId: string,
  query: { type?: BlacklistType; page?: number; pageSize?: number },
): Promise<{ items: BlacklistRecord[]; pagination: Pagination }> {
  await assertProductCaller(ctx, caller, productId, READ);
  const page = pageRequest(query);
  const filter = query.type !== undefined ? { type: query.type } : {};
  const { items, total } = await ctx.store.blacklists.listByProduct(productId, filter, page);
  return { items, pagination: paginationOf(page, total) };
}

/** An entry of another product, or none, is 404 (the delete is filtered by product). */
export async function removeBlacklistEntry(ctx: ActingContext, caller: Caller, productId: string, entryId: string): Promise<void> {
  const orgId = await assertProductCaller(ctx, caller, productId, WRITE);
  const now = ctx.clock.now();
  await ctx.store.transaction(async (tx) => {
    const entry = await tx.blacklists.find(productId, entryId);
    if (entry === null || !(await tx.blacklists.delete(productId, entryId))) throw new GgError("NOT_FOUND", "Blacklist entry not found");
    await recordBlacklistEvents(tx, "blacklist.removed", [entry], now);
    await recordAudits(tx, ctx.origin, [blacklistAudit("blacklist.removed", entry, orgId)], now);
  });
}
