import { Type, type Static } from "@sinclair/typebox";
import { FreeText, SingleLine } from "../schemas/text.ts";
import { IdParam } from "../orgs/schemas.ts";
import { pageQuerySchema } from "../pagination/pagination.ts";
import { MAX_URL_LENGTH } from "./url-policy.ts";

const Url = SingleLine({ minLength: 1, maxLength: MAX_URL_LENGTH, description: "https:// URL that receives the POSTs" });
const Events = Type.Array(SingleLine({ minLength: 1, maxLength: 100 }), {
  minItems: 1,
  maxItems: 50,
  description: 'Event types to receive, or ["*"] for all (see docs/webhooks.md)',
});
const Description = FreeText({ maxLength: 500 });


export const CreateWebhookEndpointBody = Type.Object({
  url: Url,
  events: Events,
  description: Type.Optional(Description),
  enabled: Type.Optional(Type.Boolean()),
});
export type CreateWebhookEndpointInput = Static<typeof CreateWebhookEndpointBody>;

export const UpdateWebhookEndpointBody = Type.Object({
  url: Type.Optional(Url),
  events: Type.Optional(Events),
  description: Type.Optional(Type.Union([Description, Type.Null()])),
  enabled: Type.Optional(Type.Boolean()),
});
export type UpdateWebhookEndpointInput = Static<typeof UpdateWebhookEndpointBody>;

export const ListDeliveriesQuery = Type.Object({
  ...pageQuerySchema(),
  status: Type.Optional(Type.Union([Type.Literal("pending"), Type.Literal("delivered"), Type.Literal("failed")])),
});
export const ListAttemptsQuery = Type.Object({ ...pageQuerySchema(), deliveryId: Type.Optional(IdParam) });
