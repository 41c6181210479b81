import type { LicenseView } from "../records/license.ts";
import type { LicenseRecord } from "../records/license.ts";

/**
 * Every field of a stored license, declared once: where the store keeps it (a column of
 * the license row, or rows of its own for the bindings) and whether it travels in the
 * portable form that export writes and import reads. `satisfies` makes this list exactly
 * LicenseRecord's fields. The places that must repeat the mapping are derived from it or
 * held to it by tests that fail when a field is added to one and not the others:
 * license-fields.test.ts (CSV columns, portable schema, CSV decoding) and, in
 * store-libsql, license-columns.test.ts (the drizzle table, the binding tables, the
 * authorize path's full-row read). The webhook snapshot (webhooks/deferred-payloads.ts)
 * fails the type check when LicenseView gains a field it does not carry.
 */
export const LICENSE_FIELDS = {
  id: { storage: "column", portable: false },
  productId: { storage: "column", portable: false },
  key: { storage: "column", portable: true },
  status: { storage: "column", portable: true },
  frozen: { storage: "column", portable: true },
  frozenAt: { storage: "column", portable: true },
  expiresAt: { storage: "column", portable: true },
  durationDays: { storage: "column", portable: true },
  policyOverrides: { storage: "column", portable: true },
  hwids: { storage: "bindings", portable: true },
  ips: { storage: "bindings", portable: true },
  note: { storage: "column", portable: true },
  metadata: { storage: "column", portable: true },
  endUserId: { storage: "column", portable: true },
  redeemedAt: { storage: "column", portable: true },
  lastAuthorizedAt: { storage: "column", portable: true },
  channels: { storage: "column", portable: true },
  updatesUntil: { storage: "column", portable: true },
  createdAt: { storage: "column", portable: false },
  updatedAt: { storage: "column", portable: false },
} as const satisfies Record<keyof LicenseRecord, { storage: "column" | "bindings"; portable: boolean }>;

type Field = keyof typeof LICENSE_FIELDS;
const fieldsWhere = (keep: (spec: (typeof LICENSE_FIELDS)[Field]) => boolean) =>
  (Object.keys(LICENSE_FIELDS) as Field[]).filter((field) => keep(LICENSE_FIELDS[field]));

/** Fields kept in the license row itself (one column each). */
export const LICENSE_COLUMN_FIELDS = fieldsWhere((spec) => spec.storage === "column");
/** Fields kept as rows of their own (one table each). */
export const LICENSE_BINDING_FIELDS = fieldsWhere((spec) => spec.storage === "bindings");
/** Fields export writes and import reads. */
export const LICENSE_PORTABLE_FIELDS = fieldsWhere((spec) => spec.portable);
