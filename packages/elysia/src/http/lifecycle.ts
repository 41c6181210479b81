import { Elysia } from "elysia";
import type { GgContext, Logger } from "@geckoguard/core";
import { parseJsonBody } from "./body-parser.ts";
import { recordClientIp } from "./client-ip.ts";
import { mapError } from "./error-mapper.ts";
import { finishIdempotentRequest, keepRawBody } from "./idempotency.ts";
import { tenantRefusal } from "./tenant-access.ts";

const JSON_BODY_TYPES = ["", "application/json", "text/plain", "application/x-www-form-urlencoded"];

/**
 * The hooks every GeckoGuard route runs under: the client IP, the error envelope, and
 * storing the answer of a request that holds an Idempotency-Key, whichever way it ended.
 */
export function geckoguardLifecycle(ctx: GgContext, options: { trustedProxyHops: number; logger: Logger }) {
  return new Elysia()
    .onRequest(({ request, server }) => recordClientIp(request, server, options.trustedProxyHops))
    .onError({ as: "global" }, async ({ code, error, set, request }) => {
      // Another tenant's org or product is refused before its request is judged invalid.
      const refusal = code === "VALIDATION" ? await tenantRefusal(request) : null;
      const answer = mapError(code, refusal ?? error, set, options.logger);
      await finishIdempotentRequest(ctx, request, set.status, answer);
      return answer;
    })
    .onAfterHandle({ as: "global" }, ({ request, set, response }) => finishIdempotentRequest(ctx, request, set.status, response));
}

/**
 * The JSON body parser of every route registered after it, with the size limit; the raw
 * text is kept when an Idempotency-Key needs its bytes.
 */
export function jsonBodies(bodyLimit: number) {
  return new Elysia().onParse({ as: "global" }, async ({ request, contentType }) => {
    // The API speaks JSON only: a body sent without (or with a form/text) content type is
    // still read as JSON, so a forgotten header gives a JSON error, not a confusing one.
    if (JSON_BODY_TYPES.some((type) => contentType.startsWith(type))) {
      const keepRaw = request.headers.has("idempotency-key") ? (text: string) => keepRawBody(request, text) : undefined;
      return (await parseJsonBody(request, bodyLimit, keepRaw)) ?? {};
    }
  });
}
