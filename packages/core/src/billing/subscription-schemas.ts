import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, AnswerTimeOrNull, Nullable } from "../schemas/answer-fields.ts";
import { Timestamp } from "../schemas/timestamp.ts";
import { pageQuerySchema } from "../pagination/pagination.ts";

const Id = Type.String({ format: "uuid" });
const Status = Type.Union([Type.Literal("trialing"), Type.Literal("active"), Type.Literal("past_due"), Type.Literal("canceled"), Type.Literal("expired")]);

export const CreateSubscriptionBody = Type.Object({
  planId: Id,
  endUserId: Id,
  licenseId: Type.Optional(Type.String({ format: "uuid", description: "Adopt this license of the product instead of creating one" })),
  startsAt: Type.Optional(Timestamp({ description: "Start of the first period (default now)" })),
});

export const RenewBody = Type.Object({ periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, description: "Paid periods (default 1)" })) });
export const CancelBody = Type.Object({ atPeriodEnd: Type.Optional(Type.Boolean({ description: "Run to the end of the paid period (default true) or end now" })) });
export const PatchSubscriptionBody = Type.Object({ planId: Id });

export const ListSubscriptionsQuery = Type.Object({
  ...pageQuerySchema(),
  status: Type.Optional(Status),
  planId: Type.Optional(Id),
  endUserId: Type.Optional(Id),
});

export const SubscriptionSchema = Type.Object(
  {
    id: AnswerId,
    productId: AnswerId,
    planId: AnswerId,
    pendingPlanId: Nullable(AnswerId),
    endUserId: AnswerId,
    licenseId: Nullable(AnswerId),
    status: Status,
    currentPeriodStart: AnswerTime,
    currentPeriodEnd: AnswerTime,
    trialEndsAt: AnswerTimeOrNull,
    cancelAtPeriodEnd: Type.Boolean(),
    canceledAt: AnswerTimeOrNull,
    endsAt: Type.Union([AnswerTime, Type.Null()], { description: "When the clock expires it unless paid or resumed (= the license's expiresAt); null once expired" }),
    priceCents: Type.Integer({ minimum: 0, examples: [999] }),
    currency: Type.String({ examples: ["USD"] }),
    externalSubscriptionId: Nullable(Type.String({ examples: ["sub_1Pq2r3"] })),
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "Subscription", additionalProperties: false },
);
