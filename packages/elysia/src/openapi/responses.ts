import type { TSchema } from "@sinclair/typebox";
import { errorCatalogue, fail, type ErrorCode } from "@geckoguard/core";
import type { AnswerDoc } from "./answer-doc.ts";
import { exampleOf } from "./examples.ts";

type Responses = Record<string, unknown>;

/** `{ok:true,data}` with the route's data schema, and an example built from it. */
function successResponse(data: TSchema, status: number): Responses {
  const schema = { type: "object", required: ["ok", "data"], additionalProperties: false, properties: { ok: { const: true }, data } };
  const description = status === 201 ? "Created" : "Success";
  return { [status]: { description, content: { "application/json": { schema, example: { ok: true, data: exampleOf(data as Record<string, unknown>) } } } } };
}

/** The error envelope whose `code` is one of `codes` (components.schemas.Error has it with any code). */
function errorEnvelope(codes: readonly ErrorCode[]) {
  const error = {
    type: "object",
    required: ["code", "message"],
    properties: { code: { type: "string", enum: codes }, message: { type: "string" }, details: { $ref: "#/components/schemas/ErrorDetails" } },
  };
  return { type: "object", required: ["ok", "error"], properties: { ok: { const: false }, error } };
}

/** One response per status, naming its codes (the envelope's `code` is one of them), with an example of each. */
function errorResponses(codes: readonly ErrorCode[]): Responses {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(errorCatalogue[code], [...(byStatus.get(errorCatalogue[code]) ?? []), code]);
  const responses: Responses = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const schema = errorEnvelope(list);
    const examples = Object.fromEntries(list.map((code) => [code, { summary: code, value: fail(code, `${code}: see docs/errors.md`) }]));
    responses[status] = { description: list.join(", "), content: { "application/json": { schema, examples } } };
  }
  return responses;
}

/**
 * An operation's `responses`: its success envelope (from the route's AnswerDoc, or the
 * route's own `responses` when it answers something else, like /metrics' text), every
 * error status it can answer, and `default` for anything a proxy or the platform adds.
 */
export function operationResponses(answer: AnswerDoc | undefined, own: Responses | undefined, codes: readonly ErrorCode[]): Responses {
  const success = answer !== undefined ? successResponse(answer.data, answer.status ?? 200) : (own ?? {});
  return { ...success, ...errorResponses(codes), default: { $ref: "#/components/responses/Error" } };
}
