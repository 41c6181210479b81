import { Type, type Static } from "@sinclair/typebox";
import { SingleLine } from "../schemas/text.ts";
import { AnswerId, AnswerTime, AnswerTimeOrNull, Nullable } from "../schemas/answer-fields.ts";
import { ProductPolicySchema } from "../products/policy.ts";
import { pageQuerySchema } from "../pagination/pagination.ts";

const policy = ProductPolicySchema.properties;

/** What a subscription's license is created with (any subset; the rest comes from the product policy). */
export const LicenseTemplateSchema = Type.Object(
  {
    maxHwids: Type.Optional(policy.maxHwids),
    maxIps: Type.Optional(policy.maxIps),
    maxSessions: Type.Optional(policy.maxSessions),
    hwidBinding: Type.Optional(policy.hwidBinding),
    ipBinding: Type.Optional(policy.ipBinding),
  },
  { additionalProperties: false },
);

export const PlanIntervalSchema = Type.Union([Type.Literal("day"), Type.Literal("week"), Type.Literal("month"), Type.Literal("year")]);
const PlanName = SingleLine({ minLength: 1, maxLength: 200 });
/** Up to 1,000,000,000.00 in the currency's main unit. */
const PriceCents = Type.Integer({ minimum: 0, maximum: 100_000_000_000 });
const Currency = Type.String({ pattern: "^[A-Za-z]{3}$", description: "ISO 4217 code, e.g. USD (case-insensitive)", examples: ["USD"] });
const ExternalPriceId = SingleLine({ minLength: 1, maxLength: 255, description: "Stripe price id (price_…) this plan is sold as" });

export const CreatePlanBody = Type.Object({
  name: PlanName,
  interval: PlanIntervalSchema,
  intervalCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  priceCents: PriceCents,
  currency: Currency,
  trialDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 730 })),
  graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  licenseTemplate: Type.Optional(LicenseTemplateSchema),
  externalPriceId: Type.Optional(ExternalPriceId),
});
export type CreatePlanInput = Static<typeof CreatePlanBody>;

/** Name, price (new subscriptions only) and template; interval, trial and grace stay as sold. */
export const PatchPlanBody = Type.Object({
  name: Type.Optional(PlanName),
  priceCents: Type.Optional(PriceCents),
  currency: Type.Optional(Currency),
  licenseTemplate: Type.Optional(LicenseTemplateSchema),
  externalPriceId: Type.Optional(Type.Union([ExternalPriceId, Type.Null()])),
});
export type PatchPlanInput = Static<typeof PatchPlanBody>;

export const ListPlansQuery = Type.Object({
  ...pageQuerySchema(),
  archived: Type.Optional(Type.Union([Type.Literal("true"), Type.Literal("false")], { description: "Only archived (true) or only current (false) plans" })),
});

export const PlanSchema = Type.Object(
  {
    id: AnswerId,
    productId: AnswerId,
    name: Type.String({ examples: ["Pro monthly"] }),
    interval: PlanIntervalSchema,
    intervalCount: Type.Integer({ minimum: 1, examples: [1] }),
    priceCents: Type.Integer({ minimum: 0, examples: [999] }),
    currency: Type.String({ examples: ["USD"] }),
    trialDays: Type.Integer({ minimum: 0, examples: [0] }),
    graceDays: Type.Integer({ minimum: 0, examples: [3] }),
    licenseTemplate: LicenseTemplateSchema,
    externalPriceId: Nullable(Type.String({ examples: ["price_1Pq2r3"] })),
    archived: Type.Boolean(),
    archivedAt: AnswerTimeOrNull,
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "Plan", additionalProperties: false },
);
