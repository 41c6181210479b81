import type { TSchema } from "@sinclair/typebox";
import { geckoguard } from "@geckoguard/elysia";
import type { GgContext } from "@geckoguard/core";
import { ANSWER_DOC_KEY, type AnswerDoc } from "../../packages/elysia/src/openapi/answer-doc.ts";

/**
 * The TypeBox schema of each route's success `data`, as the route declares it for the
 * OpenAPI document, keyed `POST /v1/dashboard/orgs/{orgId}` (the document's path form).
 * Read from a plugin built only for its route table (it serves nothing), so tests can
 * check real answers against what the document promises.
 */
export function answerSchemas(context: GgContext): Map<string, TSchema> {
  const app = geckoguard({ context, authorize: { answer: () => Promise.reject(new Error("this instance only lists routes")) } });
  const schemas = new Map<string, TSchema>();
  for (const route of app.routes) {
    const answer = (route.hooks?.detail as Record<string, AnswerDoc | undefined> | undefined)?.[ANSWER_DOC_KEY];
    if (answer !== undefined) schemas.set(`${route.method} ${route.path.replace(/:([^/]+)/g, "{$1}")}`, answer.data);
  }
  return schemas;
}
