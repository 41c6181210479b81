import { Elysia } from "elysia";
import { Type } from "@sinclair/typebox";
import { GgError, IdParam, ingestStripeEvent, uuidv7, type GgContext } from "@geckoguard/core";
import { requestIdOf } from "../http/request-log.ts";
import { readBodyText } from "../http/body-parser.ts";
import { limitByIp } from "../http/rate-limit.ts";
import { ok } from "../http/envelope.ts";
import { answers } from "../openapi/answer-doc.ts";

const Outcome = Type.Object(
  {
    received: Type.Literal(true),
    eventId: Type.String({ examples: ["evt_1Pq2r3"] }),
    applied: Type.Boolean({ description: "false: recorded, nothing changed (see reason)" }),
    reason: Type.Optional(
      Type.Union(
        ["duplicate", "stale", "unhandled_type", "unknown_subscription", "unknown_price", "no_customer_email", "no_change", "not_applicable"].map((r) => Type.Literal(r)),
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * POST /v1/billing/stripe/:id/webhook (`id`: the product): Stripe calls this, so no GeckoGuard
 * credential: the Stripe-Signature over the exact raw bytes is the authentication. Mounted
 * before the JSON parser (re-serialised JSON would not verify). docs/subscriptions.md.
 */
export function stripeWebhookRoutes(ctx: GgContext, options: { bodyLimitBytes: number }) {
  return new Elysia().post(
    "/v1/billing/stripe/:id/webhook",
    async (context) => {
      const { params, request } = context;
      const signature = request.headers.get("stripe-signature");
      if (signature === null || signature === "") throw new GgError("VALIDATION_ERROR", "Missing the Stripe-Signature header");
      const rawBody = await readBodyText(request, options.bodyLimitBytes);
      return ok(await ingestStripeEvent(ctx, params.id, rawBody, signature, requestIdOf(context) ?? uuidv7()));
    },
    {
      transform: limitByIp(ctx),
      // `id`, not `productId`: no credential names a tenant here (the signature is the authentication).
      params: Type.Object({ id: IdParam }),
      parse: "none",
      detail: {
        summary: "Stripe webhook endpoint (verified with the product's Stripe signing secret; each event applied once)",
        tags: ["Subscriptions"],
        security: [],
        ...answers(Outcome, { errors: ["NOT_FOUND", "PAYLOAD_TOO_LARGE", "RATE_LIMITED"] }),
        requestBody: { required: true, content: { "application/json": { schema: { type: "object", description: "A Stripe event, byte for byte as Stripe sent it" } } } },
      },
    },
  );
}
