import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import {
  AnswerId,
  CreateWebhookEndpointBody,
  UpdateWebhookEndpointBody,
  WebhookEndpointSchema,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  pageOf,
  pageQuerySchema,
  pageRequest,
  presentWebhookEndpoint,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  updateWebhookEndpoint,
  type GgContext,
  type WebhookEndpointRecord,
} from "@geckoguard/core";
import { WebhookProductParams, WebhookEndpointParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { answerHoldsSecret } from "../http/idempotency.ts";
import { requireUser } from "../http/require-user.ts";
import { answers } from "../openapi/answer-doc.ts";
import { One, Page, Done } from "../openapi/answer-shapes.ts";

const WithSecret = Type.Object({ endpoint: WebhookEndpointSchema, secret: Type.String({ description: "The signing secret, shown in this answer only", examples: ["whsec_Zk3v9Qm2x8Vn0PzLr7Ys3Kd1Hw9Ta4Bc6Fe"] }) }, { additionalProperties: false });

const tags = ["Webhooks"];
const PageQuery = Type.Object(pageQuerySchema());

/** The signing secret appears here and nowhere else (its routes are marked `answerHoldsSecret`). */
function withSecret(endpoint: WebhookEndpointRecord, secret: string) {
  return ok({ endpoint: presentWebhookEndpoint(endpoint), secret });
}

/** /v1/dashboard/webhooks/products/:productId…: a product's endpoints (docs/webhooks.md#managing-endpoints). */
export function webhookEndpointRoutes(ctx: GgContext) {
  return new Elysia({ prefix: "/v1/dashboard/webhooks/products/:productId" })
    .use(requireUser(ctx))
    .post(
      "",
      async ({ acting, userId, params, body, set }) => {
        const { endpoint, secret } = await createWebhookEndpoint(acting, userId, params.productId, body);
        set.status = 201;
        return withSecret(endpoint, secret);
      },
      {
        transform: answerHoldsSecret,
        params: WebhookProductParams,
        body: CreateWebhookEndpointBody,
        detail: { summary: "Create an endpoint; the signing secret is shown in this answer only", ...answers(WithSecret, { status: 201 }), tags },
      },
    )
    .get(
      "",
      async ({ userId, params, query }) => {
        const { items, pagination } = pageOf(await listWebhookEndpoints(ctx, userId, params.productId), pageRequest(query));
        return ok({ endpoints: items.map(presentWebhookEndpoint), pagination });
      },
      { params: WebhookProductParams, query: PageQuery, detail: { summary: "List the product's endpoints", ...answers(Page("endpoints", WebhookEndpointSchema)), tags } },
    )
    .get(
      "/:endpointId",
      async ({ userId, params }) => ok({ endpoint: presentWebhookEndpoint(await getWebhookEndpoint(ctx, userId, params.productId, params.endpointId)) }),
      { params: WebhookEndpointParams, detail: { summary: "Get an endpoint", ...answers(One("endpoint", WebhookEndpointSchema)), tags } },
    )
    .patch(
      "/:endpointId",
      async ({ acting, userId, params, body }) =>
        ok({ endpoint: presentWebhookEndpoint(await updateWebhookEndpoint(acting, userId, params.productId, params.endpointId, body)) }),
      { params: WebhookEndpointParams, body: UpdateWebhookEndpointBody, detail: { summary: "Update URL, events, description or enabled", ...answers(One("endpoint", WebhookEndpointSchema)), tags } },
    )
    .delete(
      "/:endpointId",
      async ({ acting, userId, params }) => {
        await deleteWebhookEndpoint(acting, userId, params.productId, params.endpointId);
        return ok({ deleted: true });
      },
      { params: WebhookEndpointParams, detail: { summary: "Delete an endpoint and its delivery log", ...answers(Done("deleted")), tags } },
    )
    .post(
      "/:endpointId/rotate-secret",
      async ({ acting, userId, params }) => {
        const { endpoint, secret } = await rotateWebhookSecret(acting, userId, params.productId, params.endpointId);
        return withSecret(endpoint, secret);
      },
      { transform: answerHoldsSecret, params: WebhookEndpointParams, detail: { summary: "New signing secret (shown once); the old one stops at once", ...answers(WithSecret), tags } },
    )
    .post(
      "/:endpointId/test",
      async ({ userId, params, set }) => {
        const { eventId } = await sendWebhookTestEvent(ctx, userId, params.productId, params.endpointId);
        set.status = 202;
        return ok({ event: { id: eventId, type: "webhook_endpoint.test" } });
      },
      { params: WebhookEndpointParams, detail: { summary: "Queue a test event for this endpoint only", ...answers(Type.Object({ event: Type.Object({ id: AnswerId, type: Type.Literal("webhook_endpoint.test") }, { additionalProperties: false }) }, { additionalProperties: false }), { status: 202, errors: ["CONFLICT"] }), tags } },
    );
}
