import type { TSchema } from "@sinclair/typebox";
import type { ErrorCode } from "@geckoguard/core";

/**
 * What a route answers, for the OpenAPI document only: the `data` schema of its success
 * envelope, its success status, and the error codes its use case can answer beyond those
 * its credential, schemas and method already imply (route-errors.ts adds those). It rides
 * in the route's `detail` and the document builder turns it into `responses`; it is not
 * Elysia's `response` option, so nothing validates or reshapes answers at run time.
 */
export interface AnswerDoc {
  data: TSchema;
  status?: number;
  errors?: ErrorCode[];
}

export const ANSWER_DOC_KEY = "x-gg-answer";

/** Spread into a route's `detail`: `detail: { summary, tags, ...answers(Schema, { errors: ["CONFLICT"] }) }`. */
export function answers(data: TSchema, options: Omit<AnswerDoc, "data"> = {}): Record<typeof ANSWER_DOC_KEY, AnswerDoc> {
  return { [ANSWER_DOC_KEY]: { data, ...options } };
}
