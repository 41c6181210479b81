import { Type, type Static } from "@sinclair/typebox";
import { LICENSE_DENIAL_CODES } from "../authorize/decide.ts";

const Count = Type.Integer({ minimum: 0 });

/** GET /v1/dashboard/orgs/:orgId/analytics query (docs/team-and-audit.md#analytics). */
export const AnalyticsQuery = Type.Object({
  from: Type.Optional(Type.String({ description: "First UTC day included: YYYY-MM-DD or an ISO-8601 timestamp (default: 29 days before `to`)", examples: ["2026-01-01"] })),
  to: Type.Optional(Type.String({ description: "Last UTC day included: YYYY-MM-DD or an ISO-8601 timestamp (default: today)", examples: ["2026-01-30"] })),
  productId: Type.Optional(Type.String({ format: "uuid", description: "Only this product of the org" })),
});
export type AnalyticsQuery = Static<typeof AnalyticsQuery>;

// Every code optional: a day holds only the codes it saw (a Record over literal keys would require all).
const Denials = Type.Object(Object.fromEntries(LICENSE_DENIAL_CODES.map((code) => [code, Type.Optional(Count)])), {
  additionalProperties: false,
  description: "Denied calls by license verdict code (codes with no denial that day are absent)",
  examples: [{ HWID_MISMATCH: 2 }],
});

export const AnalyticsSchema = Type.Object(
  {
    licenses: Type.Object(
      { total: Count, valid: Count, revoked: Count, frozen: Count, expired: Count, unused: Type.Integer({ minimum: 0, description: "Never authorized (any state)" }) },
      { additionalProperties: false, description: "Licenses by derived state now; valid + revoked + frozen + expired = total" },
    ),
    activeSessions: Type.Integer({ minimum: 0, description: "Sessions live now (not ended, not expired)" }),
    boundHwids: Type.Integer({ minimum: 0, description: "HWIDs bound to the licenses now" }),
    series: Type.Array(
      Type.Object(
        {
          date: Type.String({ format: "date", examples: ["2026-01-15"] }),
          created: Count,
          authorizations: Type.Integer({ minimum: 0, description: "Allowed authorize calls" }),
          denials: Denials,
          uniqueLicenses: Type.Integer({ minimum: 0, description: "Distinct licenses with at least one allowed call that day" }),
        },
        { additionalProperties: false },
      ),
      { description: "One entry per UTC day of the range, oldest first" },
    ),
    topProducts: Type.Array(
      Type.Object({ productId: Type.String({ format: "uuid" }), name: Type.String(), authorizations: Count }, { additionalProperties: false }),
      { description: "Up to 10 products with the most allowed calls in the range (none without any)" },
    ),
  },
  { additionalProperties: false },
);
export type OrgAnalytics = Static<typeof AnalyticsSchema>;
