import { Elysia } from "elysia";
import { Type, type TObject, type TSchema } from "@sinclair/typebox";
import { IdParam, SingleLine, setStripeWebhookSecret, userCaller, type GgContext } from "@geckoguard/core";
import { requireUser } from "../http/require-user.ts";
import { keepOutOfCaches } from "../http/no-store.ts";
import { ok } from "../http/envelope.ts";
import { answers } from "../openapi/answer-doc.ts";
import { billingMounts } from "./billing-mounts.ts";
import { mountOperations } from "./operations/mount-operations.ts";

const StripeSettingsAnswer = Type.Object(
  {
    stripe: Type.Object(
      {
        configured: Type.Literal(true),
        webhookPath: Type.String({ examples: ["/v1/billing/stripe/01939a3c-5f6e-7d2a-9b1c-3e4f5a6b7c8d/webhook"] }),
        updatedAt: Type.String({ format: "date-time", examples: ["2026-01-15T09:30:00.000Z"] }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/**
 * The router needs one name per path segment, and the products' own routes call this one
 * `:id`: the dashboard paths take the product as `:id` and hand it on as `productId`.
 */
function underProductId(schema: TSchema | undefined): TSchema | undefined {
  if (schema === undefined || !("productId" in (schema.properties ?? {}))) return schema;
  const { productId, ...rest } = (schema as TObject).properties;
  return Type.Object({ id: productId!, ...rest });
}

/** After validation (the path declares `id` only). */
function productIdFromId({ params }: { params: Record<string, string | undefined> }) {
  params.productId = params.id;
}

/** /v1/dashboard/products/:productId/{plans,subscriptions,billing/stripe}: billing in the dashboard (docs/subscriptions.md). */
export function billingRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/products/:id" }).use(requireUser(ctx)).onBeforeHandle(productIdFromId);
  const mounts = billingMounts({ read: "", write: "" }).map((mount) => ({ ...mount, params: underProductId(mount.operation.params) }));
  mountOperations(app, ctx, { tags: ["Subscriptions"], reach: ({ userId }) => userCaller(userId!) }, mounts);
  return app.put(
    "/billing/stripe",
    async ({ userId, acting, params, body, set }) => {
      keepOutOfCaches(set);
      const saved = await setStripeWebhookSecret(acting, userCaller(userId), params.id, body.webhookSecret);
      return ok({ stripe: { ...saved, updatedAt: new Date(saved.updatedAt).toISOString() } });
    },
    {
      params: Type.Object({ id: IdParam }),
      body: Type.Object({ webhookSecret: SingleLine({ minLength: 10, maxLength: 255, pattern: "^whsec_", examples: ["whsec_5Qm2x8Vn0PzLr7Ys3Kd1Hw9Ta4Bc6Fe"], description: "The endpoint's signing secret from Stripe (whsec_…); stored sealed, never shown again" }) }),
      detail: { summary: "Set the product's Stripe webhook signing secret (admin)", tags: ["Subscriptions"], ...answers(StripeSettingsAnswer) },
    },
  );
}
