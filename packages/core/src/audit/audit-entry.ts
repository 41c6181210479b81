import { Type, type Static } from "@sinclair/typebox";

/** The moved fields of a change, each as [before, after]; null when nothing is worth naming (a creation names its fields with before null). */
export type AuditChanges = Record<string, [unknown, unknown]>;

const HEX64 = { pattern: "^[0-9a-f]{64}$", examples: ["9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"] };
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** One audit-log entry, exactly as the list, the export and the hash see it (docs/team-and-audit.md#audit-log). */
export const AuditEntrySchema = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    seq: Type.Integer({ minimum: 1, description: "Gapless per org, from 1" }),
    at: Type.String({ format: "date-time" }),
    actor: Type.Object(
      {
        type: Type.Union([Type.Literal("user"), Type.Literal("api_key"), Type.Literal("end_user"), Type.Literal("system")]),
        id: Type.String(),
        label: Type.String(),
      },
      { additionalProperties: false },
    ),
    action: Type.String({ description: "The webhook event name where one exists (license.revoked), else <resource>.<verb>" }),
    resource: Type.Object({ type: Type.String(), id: Type.String() }, { additionalProperties: false }),
    orgId: Type.String({ format: "uuid" }),
    productId: Nullable(Type.String({ format: "uuid" })),
    ip: Nullable(Type.String()),
    requestId: Type.String(),
    changes: Type.Union([Type.Record(Type.String(), Type.Array(Type.Unknown(), { minItems: 2, maxItems: 2, description: "[before, after]" })), Type.Null()]),
    prevHash: Type.String({ ...HEX64, description: "The previous entry's hash; 64 zeros for the org's first" }),
    hash: Type.String({ ...HEX64, description: "hex(sha256(prevHash + \"\\n\" + canonicalJson(entry without hash)))" }),
  },
  { $id: "AuditEntry", additionalProperties: false },
);

export type AuditEntry = Omit<Static<typeof AuditEntrySchema>, "changes"> & { changes: AuditChanges | null };

/** What a use case says about one change; the recorder adds the rest (id, seq, time, origin, chain). */
export interface AuditChange {
  action: string;
  resource: { type: string; id: string };
  orgId: string;
  productId: string | null;
  changes: AuditChanges | null;
}
