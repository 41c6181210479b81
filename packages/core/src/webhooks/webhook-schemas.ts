import { Type } from "@sinclair/typebox";
import { AnswerId, AnswerTime, AnswerTimeOrNull, Nullable } from "../schemas/answer-fields.ts";

const EventType = Type.String({ examples: ["license.created"] });
const Status = Nullable(Type.Integer({ examples: [200] }));

/** What `presentWebhookEndpoint` answers (present-webhooks.ts): never its secret. */
export const WebhookEndpointSchema = Type.Object(
  {
    id: AnswerId,
    productId: AnswerId,
    url: Type.String({ examples: ["https://hooks.example.com/geckoguard"] }),
    description: Nullable(Type.String({ examples: ["Billing sync"] })),
    events: Type.Array(Type.String(), { description: 'Event types, or ["*"] for all', examples: [["license.created", "license.revoked"]] }),
    enabled: Type.Boolean(),
    disabledReason: Nullable(Type.String({ examples: ["Failing for 3 days"] })),
    failingSince: AnswerTimeOrNull,
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "WebhookEndpoint", additionalProperties: false },
);

/** What `presentWebhookDelivery` answers. */
export const WebhookDeliverySchema = Type.Object(
  {
    id: AnswerId,
    eventId: AnswerId,
    eventType: EventType,
    endpointId: AnswerId,
    status: Type.Union([Type.Literal("pending"), Type.Literal("delivered"), Type.Literal("failed")]),
    attempts: Type.Integer({ minimum: 0, examples: [1] }),
    attemptLimit: Type.Integer({ minimum: 1, examples: [6] }),
    nextAttemptAt: AnswerTimeOrNull,
    lastStatusCode: Status,
    lastError: Nullable(Type.String({ examples: ["HTTP 502"] })),
    deliveredAt: AnswerTimeOrNull,
    createdAt: AnswerTime,
    updatedAt: AnswerTime,
  },
  { $id: "WebhookDelivery", additionalProperties: false },
);

const OUTCOMES = ["success", "http_error", "timeout", "connection_error", "redirect", "blocked_address", "secret_unreadable", "shutdown"] as const;

/** What `presentWebhookAttempt` answers. */
export const WebhookAttemptSchema = Type.Object(
  {
    id: AnswerId,
    deliveryId: AnswerId,
    eventId: AnswerId,
    eventType: EventType,
    attempt: Type.Integer({ minimum: 1, examples: [1] }),
    outcome: Type.Union(OUTCOMES.map((outcome) => Type.Literal(outcome))),
    statusCode: Status,
    error: Nullable(Type.String({ examples: ["timeout after 10 s"] })),
    durationMs: Type.Number({ minimum: 0, examples: [84] }),
    responseSnippet: Nullable(Type.String({ examples: ["ok"] })),
    createdAt: AnswerTime,
  },
  { $id: "WebhookAttempt", additionalProperties: false },
);
