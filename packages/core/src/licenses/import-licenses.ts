import type { GgContext } from "../context.ts";
import type { ProductRecord } from "../records/product.ts";
import type { Store } from "../ports/store.ts";
import { GgError, type ErrorDetail } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { DEFAULT_CHANNELS } from "../versions/channels.ts";
import { newDevices } from "./license.ts";
import type { LicenseRecord } from "../records/license.ts";
import { portableErrors, type PortableLicense } from "./portable-license.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import { recordLicenseEvents } from "../webhooks/record-event.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudits } from "../audit/record-audit.ts";
import { licenseAuditChange, licenseCreation } from "./license-audit.ts";

export interface ImportItem {
  /** Row number as the vendor sees it (CSV line, or 1-based JSON index). */
  row: number;
  item: unknown;
}

const BATCH = 500;
const MAX_LISTED = 100;

function toRecord(item: PortableLicense, productId: string, now: number): LicenseRecord {
  const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
  const frozen = item.frozen ?? false;
  return {
    id: uuidv7(now),
    productId,
    key: item.key,
    status: item.status ?? "active",
    frozen,
    frozenAt: frozen ? (ms(item.frozenAt) ?? now) : null,
    expiresAt: ms(item.expiresAt),
    durationDays: item.durationDays ?? null,
    // policyOverrides is authoritative when present (the export's items carry it); the
    // top-level limits, which are the effective values in a JSON export, only fill in.
    policyOverrides: item.policyOverrides ?? {
      ...(item.maxHwids != null ? { maxHwids: item.maxHwids } : {}),
      ...(item.maxIps != null ? { maxIps: item.maxIps } : {}),
    },
    hwids: item.hwids ?? [],
    ips: item.ips ?? [],
    note: item.note ?? null,
    metadata: item.metadata ?? {},
    endUserId: item.endUserId ?? null,
    redeemedAt: ms(item.redeemedAt),
    lastAuthorizedAt: ms(item.lastAuthorizedAt),
    channels: item.channels ?? [...DEFAULT_CHANNELS],
    updatesUntil: ms(item.updatesUntil),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * All-or-nothing import into one product, streamed: rows are validated and inserted in
 * batches inside one transaction; any bad row → 400 listing rows and reasons, a key that
 * already exists → 409 listing keys, and in both cases the transaction rolls back.
 * Each imported license emits license.created (dropped at once when no endpoint of the
 * product subscribes to it, so a large import without webhooks writes nothing more) and
 * its own audit-log entry, like a license created through the API.
 */
export async function importLicenses(ctx: ActingContext, product: ProductRecord, items: AsyncIterable<ImportItem>): Promise<{ imported: number }> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const rowErrors: ErrorDetail[] = [];
    let badRows = 0;
    const conflicts: string[] = [];
    const seenKeys = new Set<string>();
    const owners = new Map<string, EndUserRecord | null>();
    let batch: LicenseRecord[] = [];
    let imported = 0;

    const reject = (row: number, details: ErrorDetail[]) => {
      badRows += 1;
      for (const d of details) if (rowErrors.length < MAX_LISTED) rowErrors.push({ path: `row ${row}${d.path === "/" ? "" : ` ${d.path}`}`, message: d.message });
    };
    const flush = async (store: Store) => {
      if (batch.length === 0) return;
      const taken = await store.licenses.existingKeys(product.id, batch.map((r) => r.key));
      conflicts.push(...taken);
      if (taken.length === 0 && badRows === 0 && conflicts.length === 0) {
        await store.licenses.insertMany(batch);
        const views = batch.map((record) => {
          const owner = record.endUserId === null ? null : (owners.get(record.endUserId) ?? null);
          return { ...record, devices: newDevices(record.hwids, record.createdAt), owner: owner && { id: owner.id, username: owner.username, email: owner.email }, productPolicy: product.policy };
        });
        await recordLicenseEvents(store, "license.created", views, now);
        await recordAudits(store, ctx.origin, views.map((view) => licenseAuditChange("license.created", view, product.orgId, licenseCreation(view))), now);
        imported += batch.length;
      }
      batch = [];
    };

    for await (const { row, item } of items) {
      const problems = portableErrors(item);
      if (problems.length > 0) {
        reject(row, problems);
        continue;
      }
      const license = item as PortableLicense;
      if (seenKeys.has(license.key)) {
        reject(row, [{ path: "/key", message: `Key ${license.key} appears twice in this import` }]);
        continue;
      }
      seenKeys.add(license.key);
      if (license.endUserId) {
        let owner = owners.get(license.endUserId);
        if (owner === undefined) {
          owner = await tx.endUsers.find({ kind: "org", orgId: product.orgId }, license.endUserId);
          owners.set(license.endUserId, owner);
        }
        if (owner === null) {
          reject(row, [{ path: "/endUserId", message: "No such end user in this organization" }]);
          continue;
        }
      }
      batch.push(toRecord(license, product.id, now));
      if (batch.length >= BATCH) await flush(tx);
    }
    await flush(tx);

    if (badRows > 0) {
      throw new GgError("VALIDATION_ERROR", `${badRows} row(s) are invalid; nothing was imported`, { details: rowErrors });
    }
    if (conflicts.length > 0) {
      throw new GgError("CONFLICT", `${conflicts.length} key(s) already exist in this product; nothing was imported`, {
        details: conflicts.slice(0, MAX_LISTED).map((key) => ({ path: "/key", message: `Key ${key} already exists` })),
      });
    }
    return { imported };
  });
}
