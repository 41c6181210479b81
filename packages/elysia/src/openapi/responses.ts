import type { TSchema } from "@sinclair/typebox";
import type { ErrorCode } from "@geckoguard/core";
import type { AnswerDoc } from "./answer-doc.ts";
import type { ErrorResponses } from "./error-responses.ts";
import { exampleOf } from "./examples.ts";

type Responses = Record<string, unknown>;

/** `{ok:true,data}` with the route's data schema, and an example built from it. */
function successResponse(data: TSchema, status: number): Responses {
  const schema = { type: "object", required: ["ok", "data"], additionalProperties: false, properties: { ok: { const: true }, data } };
  const description = status === 201 ? "Created" : "Success";
  return { [status]: { description, content: { "application/json": { schema, example: { ok: true, data: exampleOf(data as Record<string, unknown>) } } } } };
}

/**
 * An operation's `responses`: its success envelope (from the route's AnswerDoc, or the
 * route's own `responses` when it answers something else, like /metrics' text), every
 * error status it can answer, and `default` for anything a proxy or the platform adds.
 */
export function operationResponses(answer: AnswerDoc | undefined, own: Responses | undefined, codes: readonly ErrorCode[], errors: ErrorResponses): Responses {
  const success = answer !== undefined ? successResponse(answer.data, answer.status ?? 200) : (own ?? {});
  return { ...success, ...errors.forCodes(codes), default: { $ref: "#/components/responses/Error" } };
}
