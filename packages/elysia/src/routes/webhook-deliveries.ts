import { Elysia } from "elysia";
import {
  ListAttemptsQuery,
  ListDeliveriesQuery,
  WebhookAttemptSchema,
  WebhookDeliverySchema,
  listWebhookAttempts,
  listWebhookDeliveries,
  presentWebhookAttempt,
  presentWebhookDelivery,
  redeliverWebhook,
  type GgContext,
} from "@geckoguard/core";
import { WebhookEndpointParams, WebhookDeliveryParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { One, Page } from "../openapi/answer-shapes.ts";

const tags = ["Webhooks"];

/** …/:endpointId/deliveries and /attempts: the delivery log, and redelivery by hand. */
export function webhookDeliveryRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard/webhooks/products/:productId/:endpointId" })
    .use(requireUser(ctx))
    .get(
      "/deliveries",
      async ({ userId, params, query }) => {
        const { items, pagination } = await listWebhookDeliveries(ctx, userId, params.productId, params.endpointId, query);
        return ok({ deliveries: items.map(presentWebhookDelivery), pagination });
      },
      { params: WebhookEndpointParams, query: ListDeliveriesQuery, detail: { summary: "Deliveries to this endpoint, newest first (?status=)", ...answers(Page("deliveries", WebhookDeliverySchema)), tags } },
    )
    .get(
      "/attempts",
      async ({ userId, params, query }) => {
        const { items, pagination } = await listWebhookAttempts(ctx, userId, params.productId, params.endpointId, query);
        return ok({ attempts: items.map(presentWebhookAttempt), pagination });
      },
      { params: WebhookEndpointParams, query: ListAttemptsQuery, detail: { summary: "Delivery attempts (status, duration, response snippet), newest first", ...answers(Page("attempts", WebhookAttemptSchema)), tags } },
    )
    .post(
      "/deliveries/:deliveryId/redeliver",
      async ({ acting, userId, params }) =>
        ok({ delivery: presentWebhookDelivery(await redeliverWebhook(acting, userId, params.productId, params.endpointId, params.deliveryId)) }),
      { params: WebhookDeliveryParams, detail: { summary: "Give a failed delivery one more attempt, now", ...answers(One("delivery", WebhookDeliverySchema), { errors: ["CONFLICT"] }), tags } },
    );
}
