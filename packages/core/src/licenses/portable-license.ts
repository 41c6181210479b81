import { Type, type Static } from "@sinclair/typebox";
import { SingleLine } from "../schemas/text.ts";
import { validationMessage } from "../schemas/validation-message.ts";
import { isTimestampInRange, Timestamp } from "../schemas/timestamp.ts";
import { Value } from "@sinclair/typebox/value";
import { toIsoOrNull } from "../clock.ts";
import type { ErrorDetail } from "../errors/gg-error.ts";
import type { LicensePolicyOverrides, LicenseView } from "../records/license.ts";
import { LicenseKeySchema, LicensePolicyOverridesSchema, MetadataSchema, NoteSchema } from "./schemas.ts";
import { MAX_METADATA_BYTES } from "./metadata.ts";
import { neutralizeCell, restoreCell } from "../csv/formula-guard.ts";
import { ChannelsSchema, DEFAULT_CHANNELS } from "../versions/channels.ts";

/** CSV columns of export and import, in order (docs/licenses-export-import.md#csv-columns: what a faithful round trip needs). */
export const CSV_COLUMNS = [
  "key",
  "status",
  "frozen",
  "frozenAt",
  "expiresAt",
  "durationDays",
  "maxHwids",
  "maxIps",
  "policy",
  "hwids",
  "ips",
  "note",
  "metadata",
  "endUserId",
  "redeemedAt",
  "lastAuthorizedAt",
  "channels",
  "updatesUntil",
] as const;

const IsoOrNull = Type.Union([Timestamp(), Type.Null()]);
const Value64 = SingleLine({ minLength: 1, maxLength: 256 });

/** One license as export writes it and import reads it (JSON items; CSV rows decode to it). */
export const PortableLicenseSchema = Type.Object({
  key: LicenseKeySchema,
  status: Type.Optional(Type.Union([Type.Literal("active"), Type.Literal("revoked")])),
  frozen: Type.Optional(Type.Boolean()),
  frozenAt: Type.Optional(IsoOrNull),
  expiresAt: Type.Optional(IsoOrNull),
  durationDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 36500 }), Type.Null()])),
  maxHwids: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()])),
  maxIps: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1000 }), Type.Null()])),
  policyOverrides: Type.Optional(LicensePolicyOverridesSchema),
  hwids: Type.Optional(Type.Array(Value64, { maxItems: 1000 })),
  ips: Type.Optional(Type.Array(Value64, { maxItems: 1000 })),
  note: Type.Optional(Type.Union([NoteSchema, Type.Null()])),
  metadata: Type.Optional(MetadataSchema),
  endUserId: Type.Optional(Type.Union([Type.String({ format: "uuid" }), Type.Null()])),
  redeemedAt: Type.Optional(IsoOrNull),
  lastAuthorizedAt: Type.Optional(IsoOrNull),
  channels: Type.Optional(ChannelsSchema),
  updatesUntil: Type.Optional(IsoOrNull),
});
export type PortableLicense = Static<typeof PortableLicenseSchema>;

function overridesWithoutLimits(overrides: LicensePolicyOverrides): LicensePolicyOverrides {
  const { maxHwids: _h, maxIps: _i, ...rest } = overrides;
  return rest;
}

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * The CSV fields of a license, in CSV_COLUMNS order, each guarded against formula
 * injection (keyed, so every column has exactly one encoding).
 */
export function toCsvFields(license: LicenseView): string[] {
  const iso = (ms: number | null) => toIsoOrNull(ms) ?? "";
  const rest = overridesWithoutLimits(license.policyOverrides);
  const fields: Record<CsvColumn, string> = {
    key: license.key,
    status: license.status,
    frozen: String(license.frozen),
    frozenAt: iso(license.frozenAt),
    expiresAt: iso(license.expiresAt),
    durationDays: license.durationDays === null ? "" : String(license.durationDays),
    maxHwids: license.policyOverrides.maxHwids === undefined ? "" : String(license.policyOverrides.maxHwids),
    maxIps: license.policyOverrides.maxIps === undefined ? "" : String(license.policyOverrides.maxIps),
    policy: Object.keys(rest).length === 0 ? "" : JSON.stringify(rest),
    hwids: license.hwids.join(";"),
    ips: license.ips.join(";"),
    note: license.note ?? "",
    metadata: JSON.stringify(license.metadata),
    endUserId: license.endUserId ?? "",
    redeemedAt: iso(license.redeemedAt),
    lastAuthorizedAt: iso(license.lastAuthorizedAt),
    channels: license.channels.join(";"),
    updatesUntil: iso(license.updatesUntil),
  };
  return CSV_COLUMNS.map((column) => neutralizeCell(fields[column]));
}

/** The CSV keeps the two limits in their own columns; the portable shape keeps one overrides object. */
function mergeLimits(policy: unknown, maxHwids: unknown, maxIps: unknown): unknown {
  if (typeof policy !== "object" || policy === null || Array.isArray(policy)) return policy;
  return { ...policy, ...(maxHwids !== null ? { maxHwids } : {}), ...(maxIps !== null ? { maxIps } : {}) };
}

/** A CSV record (by header name) → the portable shape, before schema validation. */
export function fromCsvFields(cells: Record<string, string>): unknown {
  // Undo the export's formula guard on every cell (see csv/formula-guard.ts).
  const record = Object.fromEntries(Object.entries(cells).map(([name, cell]) => [name, restoreCell(cell)]));
  const text = (name: string) => (record[name] === undefined || record[name] === "" ? undefined : record[name]);
  const nullable = (name: string) => text(name) ?? null;
  const int = (name: string) => (text(name) === undefined ? null : /^-?\d+$/.test(text(name)!) ? Number(text(name)) : text(name));
  const json = (name: string) => {
    const raw = text(name);
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  };
  const list = (name: string) => (text(name) === undefined ? [] : text(name)!.split(";"));
  const frozen = text("frozen");
  return {
    key: record.key ?? "",
    status: text("status") ?? "active",
    frozen: frozen === undefined ? false : frozen === "true" ? true : frozen === "false" ? false : frozen,
    frozenAt: nullable("frozenAt"),
    expiresAt: nullable("expiresAt"),
    durationDays: int("durationDays"),
    policyOverrides: mergeLimits(json("policy") ?? {}, int("maxHwids"), int("maxIps")),
    hwids: list("hwids"),
    ips: list("ips"),
    note: nullable("note"),
    metadata: json("metadata") ?? {},
    endUserId: nullable("endUserId"),
    redeemedAt: nullable("redeemedAt"),
    lastAuthorizedAt: nullable("lastAuthorizedAt"),
    // An empty cell is the default channel list, as on create.
    channels: text("channels") === undefined ? [...DEFAULT_CHANNELS] : list("channels"),
    updatesUntil: nullable("updatesUntil"),
  };
}

/** Schema check of one item; reasons name the field. */
export function portableErrors(item: unknown): ErrorDetail[] {
  const details = [...Value.Errors(PortableLicenseSchema, item)].slice(0, 5).map((e) => ({ path: e.path || "/", message: validationMessage(e) }));
  for (const field of ["frozenAt", "expiresAt", "redeemedAt", "lastAuthorizedAt", "updatesUntil"] as const) {
    const value = (item as Record<string, unknown>)[field];
    if (details.length === 0 && typeof value === "string" && !isTimestampInRange(Date.parse(value))) {
      details.push({ path: `/${field}`, message: "The date must fall between 1970-01-01 and 9999-12-31" });
    }
  }
  const metadata = (item as { metadata?: unknown }).metadata;
  if (details.length === 0 && metadata !== undefined && JSON.stringify(metadata).length > MAX_METADATA_BYTES) {
    details.push({ path: "/metadata", message: "metadata is larger than 16 KiB" });
  }
  return details;
}
