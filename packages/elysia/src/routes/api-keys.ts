import { Elysia } from "elysia";
import {
  ApiKeySchema,
  CreateApiKeyBody,
  ListApiKeysQuery,
  UpdateApiKeyBody,
  createApiKey,
  deleteApiKey,
  presentApiKey,
  revokeApiKey,
  rotateApiKey,
  updateApiKey,
  userCaller,
  type GgContext,
  type IssuedApiKey,
} from "@geckoguard/core";
import { ApiKeyIdParams } from "./route-params.ts";
import { ok } from "../http/envelope.ts";
import { answerHoldsSecret } from "../http/idempotency.ts";
import { requireUser } from "../http/require-user.ts";
import { userOf } from "./operations/credential-reach.ts";
import { apiKeyOperations, type ApiKeysReach } from "./operations/api-key-operations.ts";
import { mountOperations, type ReachOf } from "./operations/mount-operations.ts";
import { answers } from "../openapi/answer-doc.ts";
import { One, Done } from "../openapi/answer-shapes.ts";
import { Type } from "@sinclair/typebox";

const IssuedKey = Type.Object({ apiKey: ApiKeySchema, key: Type.String({ description: "The plaintext key, shown in this answer only", examples: ["gg_3fq9k2m7x8ab_Zk3v9Qm2x8Vn0PzLr7Ys3Kd1Hw9Ta4Bc6FeJu5Gh2Lo1Mn"] }) }, { additionalProperties: false });

const tags = ["API Keys"];

/** The plaintext appears here and nowhere else (its routes are marked `answerHoldsSecret`). */
function issued(result: IssuedApiKey) {
  return ok({ apiKey: presentApiKey(result.apiKey), key: result.key });
}

/** The dashboard names the product in the query (the key family's path names it). */
const userReach: ReachOf<ApiKeysReach> = (context) => ({ caller: userCaller(userOf(context)), productId: (context.query as { productId: string }).productId });

/** API keys through the dashboard (JWT, org admin) — docs/api-keys-and-blacklists.md. */
export function apiKeyRoutes(ctx: GgContext) {
  const app = new Elysia({ prefix: "/v1/dashboard/api-keys" })
    .use(requireUser(ctx))
    .post(
      "",
      async ({ acting, userId, body, set }) => {
        const result = await createApiKey(acting, userId, body);
        set.status = 201;
        return issued(result);
      },
      {
        transform: answerHoldsSecret,
        body: CreateApiKeyBody,
        detail: { summary: "Create an API key; the plaintext key is shown only in this answer", ...answers(IssuedKey, { status: 201, errors: ["FORBIDDEN", "PERMISSION_DENIED", "NOT_FOUND"] }), tags },
      },
    );
  mountOperations(app, ctx, { tags, reach: userReach }, [
    { method: "GET", path: "", operation: apiKeyOperations.list, query: ListApiKeysQuery, summary: "List API keys for a product (metadata only)" },
  ]);
  return app
    .patch(
      "/:id",
      async ({ acting, userId, params, body }) => ok({ apiKey: presentApiKey(await updateApiKey(acting, userId, params.id, body)) }),
      { params: ApiKeyIdParams, body: UpdateApiKeyBody, detail: { summary: "Update API key (name, permissions)", ...answers(One("apiKey", ApiKeySchema)), tags } },
    )
    .delete(
      "/:id",
      async ({ acting, userId, params }) => {
        await deleteApiKey(acting, userId, params.id);
        return ok({ deleted: true });
      },
      { params: ApiKeyIdParams, detail: { summary: "Delete an API key", ...answers(Done("deleted")), tags } },
    )
    .post("/:id/rotate", async ({ acting, userId, params }) => issued(await rotateApiKey(acting, userId, params.id)), {
      transform: answerHoldsSecret,
      params: ApiKeyIdParams,
      detail: { summary: "Rotate an API key secret; the old key stops working at once", ...answers(IssuedKey, { errors: ["CONFLICT"] }), tags },
    })
    .post("/:id/revoke", async ({ acting, userId, params }) => ok({ apiKey: presentApiKey(await revokeApiKey(acting, userId, params.id)) }), {
      params: ApiKeyIdParams,
      detail: { summary: "Revoke an API key (it stays listed with revokedAt)", ...answers(One("apiKey", ApiKeySchema)), tags },
    });
}
