import { Type } from "@sinclair/typebox";
import { ProductPolicySchema } from "../products/policy.ts";
import { AnswerId, AnswerTime, AnswerTimeOrNull, Nullable } from "../schemas/answer-fields.ts";
import { LicensePolicyOverridesSchema } from "./schemas.ts";

/** A machine bound to the license (license.ts, LicenseDevice): one per entry of `hwids`. */
export const LicenseDeviceSchema = Type.Object(
  {
    hwid: Type.String({ examples: ["a1b2c3d4e5f6"] }),
    name: Nullable(Type.String({ examples: ["Ada's laptop"] })),
    platform: Nullable(Type.String({ examples: ["linux-x64"] })),
    firstSeenAt: AnswerTime,
    lastSeenAt: AnswerTime,
  },
  { $id: "LicenseDevice", additionalProperties: false },
);

/**
 * What `presentLicense` answers (present-license.ts). The owner fields are there exactly
 * when the caller may see owners (dashboard users; keys with end_user:read).
 */
export const LicenseSchema = Type.Object(
  {
    id: AnswerId,
    key: Type.String({ examples: ["GG-7K2QD-M9XWA-3HFTB-PZ8RC-Y4NVE"] }),
    productId: AnswerId,
    status: Type.Union([Type.Literal("active"), Type.Literal("revoked")]),
    state: Type.Union([Type.Literal("valid"), Type.Literal("expired"), Type.Literal("frozen"), Type.Literal("revoked")], {
      description: "Derived from status, freeze and expiry at the time of the answer",
    }),
    frozen: Type.Boolean(),
    frozenAt: AnswerTimeOrNull,
    expiresAt: AnswerTimeOrNull,
    durationDays: Nullable(Type.Integer({ minimum: 1, examples: [365] })),
    hwids: Type.Array(Type.String(), { examples: [["a1b2c3d4e5f6"]] }),
    ips: Type.Array(Type.String(), { examples: [[]] }),
    devices: Type.Array(LicenseDeviceSchema, { description: "The bound machines, with what the SDK last reported about each" }),
    maxHwids: Type.Integer({ minimum: 1, examples: [1] }),
    maxIps: Type.Integer({ minimum: 1, examples: [3] }),
    policy: { ...ProductPolicySchema, description: "The policy in force: the product's, then this license's overrides" },
    policyOverrides: LicensePolicyOverridesSchema,
    note: Nullable(Type.String({ examples: ["Order #1042"] })),
    metadata: Type.Record(Type.String(), Type.Unknown(), { examples: [{ plan: "pro" }] }),
    redeemedAt: AnswerTimeOrNull,
    lastAuthorizedAt: AnswerTimeOrNull,
    channels: Type.Array(Type.String(), { description: "Release channels the license follows (docs/versions.md)", examples: [["stable"]] }),
    updatesUntil: AnswerTimeOrNull,
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
    endUserId: Type.Optional(Nullable(AnswerId)),
    endUserUsername: Type.Optional(Nullable(Type.String({ examples: ["ada"] }))),
    endUserEmail: Type.Optional(Nullable(Type.String({ examples: ["ada@example.com"] }))),
  },
  { $id: "License", additionalProperties: false },
);

const Counts = {
  valid: Type.Integer({ minimum: 0, examples: [8] }),
  expired: Type.Integer({ minimum: 0, examples: [1] }),
  frozen: Type.Integer({ minimum: 0, examples: [0] }),
  revoked: Type.Integer({ minimum: 0, examples: [1] }),
};

/** `licenseAnalytics`: counts by derived state, overall and per product. */
export const LicenseCountsSchema = Type.Object(
  {
    total: Type.Integer({ minimum: 0, examples: [10] }),
    byStatus: Type.Object(Counts, { additionalProperties: false }),
    byProduct: Type.Array(Type.Object({ productId: AnswerId, total: Type.Integer({ minimum: 0, examples: [10] }), ...Counts }, { additionalProperties: false })),
  },
  { $id: "LicenseCounts", additionalProperties: false },
);
