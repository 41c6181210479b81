import {
  CancelBody,
  CreatePlanBody,
  CreateSubscriptionBody,
  IdParam,
  ListPlansQuery,
  ListSubscriptionsQuery,
  PatchPlanBody,
  PatchSubscriptionBody,
  PlanSchema,
  RenewBody,
  SubscriptionSchema,
  archivePlan,
  cancelSubscription,
  changeSubscriptionPlan,
  createPlan,
  createSubscription,
  getPlan,
  getSubscription,
  listPlans,
  listSubscriptions,
  markPaymentFailed,
  patchPlan,
  presentPlan,
  presentSubscription,
  renewSubscription,
  resumeSubscription,
  type Caller,
  type SubscriptionRecord,
} from "@geckoguard/core";
import { Type } from "@sinclair/typebox";
import { One, Page } from "../../openapi/answer-shapes.ts";
import { operation } from "./operation.ts";

const ProductParams = Type.Object({ productId: IdParam });
const PlanParams = Type.Object({ productId: IdParam, planId: IdParam });
const SubscriptionParams = Type.Object({ productId: IdParam, subscriptionId: IdParam });
const one = (s: SubscriptionRecord) => ({ subscription: presentSubscription(s) });
const Subscription = One("subscription", SubscriptionSchema);

/** A product's plans, for both families: the use cases take the caller and check it (admins / subscription:write change them). */
export const planOperations = {
  list: operation({
    params: ProductParams,
    query: ListPlansQuery,
    answer: Page("plans", PlanSchema),
    async run(ctx, caller: Caller, { params, query }) {
      const { items, pagination } = await listPlans(ctx, caller, params.productId, query);
      return { plans: items.map(presentPlan), pagination };
    },
  }),
  create: operation({
    params: ProductParams,
    body: CreatePlanBody,
    status: 201,
    answer: One("plan", PlanSchema),
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params, body }) => ({ plan: presentPlan(await createPlan(ctx, caller, params.productId, body)) }),
  }),
  get: operation({
    params: PlanParams,
    answer: One("plan", PlanSchema),
    run: async (ctx, caller: Caller, { params }) => ({ plan: presentPlan(await getPlan(ctx, caller, params.productId, params.planId)) }),
  }),
  patch: operation({
    params: PlanParams,
    body: PatchPlanBody,
    answer: One("plan", PlanSchema),
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params, body }) => ({ plan: presentPlan(await patchPlan(ctx, caller, params.productId, params.planId, body)) }),
  }),
  archive: operation({
    params: PlanParams,
    answer: One("plan", PlanSchema),
    run: async (ctx, caller: Caller, { params }) => ({ plan: presentPlan(await archivePlan(ctx, caller, params.productId, params.planId)) }),
  }),
};

/** A product's subscriptions, for both families (members / subscription:write change them). */
export const subscriptionOperations = {
  list: operation({
    params: ProductParams,
    query: ListSubscriptionsQuery,
    answer: Page("subscriptions", SubscriptionSchema),
    async run(ctx, caller: Caller, { params, query }) {
      const { items, pagination } = await listSubscriptions(ctx, caller, params.productId, query);
      return { subscriptions: items.map(presentSubscription), pagination };
    },
  }),
  create: operation({
    params: ProductParams,
    body: CreateSubscriptionBody,
    status: 201,
    answer: Subscription,
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params, body }) => one(await createSubscription(ctx, caller, params.productId, body)),
  }),
  get: operation({
    params: SubscriptionParams,
    answer: Subscription,
    run: async (ctx, caller: Caller, { params }) => one(await getSubscription(ctx, caller, params.productId, params.subscriptionId)),
  }),
  changePlan: operation({
    params: SubscriptionParams,
    body: PatchSubscriptionBody,
    answer: Subscription,
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params, body }) => one(await changeSubscriptionPlan(ctx, caller, params.productId, params.subscriptionId, body.planId)),
  }),
  renew: operation({
    params: SubscriptionParams,
    body: Type.Optional(RenewBody),
    answer: Subscription,
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params, body }) => one(await renewSubscription(ctx, caller, params.productId, params.subscriptionId, body?.periods ?? 1)),
  }),
  paymentFailed: operation({
    params: SubscriptionParams,
    answer: Subscription,
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params }) => one(await markPaymentFailed(ctx, caller, params.productId, params.subscriptionId)),
  }),
  cancel: operation({
    params: SubscriptionParams,
    body: Type.Optional(CancelBody),
    answer: Subscription,
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params, body }) => one(await cancelSubscription(ctx, caller, params.productId, params.subscriptionId, body?.atPeriodEnd ?? true)),
  }),
  resume: operation({
    params: SubscriptionParams,
    answer: Subscription,
    errors: ["CONFLICT"],
    run: async (ctx, caller: Caller, { params }) => one(await resumeSubscription(ctx, caller, params.productId, params.subscriptionId)),
  }),
};
