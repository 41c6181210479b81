import { Elysia } from "elysia";
import {
  AuthorizeBody,
  ReleaseBody,
  VariablesCallBody,
  VariablesAnswerSchema,
  LatestVersionCallBody,
  LatestVersionAnswerSchema,
  authorizeAnswerer,
  ggErrorShape,
  isGgError,
  type AuthorizeAnswerer,
  type AuthorizeDeps,
  type AuthorizeRawRequest,
  type Logger,
} from "@geckoguard/core";
import { authorizeResponse } from "../http/authorize-response.ts";
import { readBodyText } from "../http/body-parser.ts";
import { clientIpOf } from "../http/client-ip.ts";
import type { HttpMetrics } from "../http/metrics.ts";
import { answers } from "../openapi/answer-doc.ts";
import { AuthorizedSchema, ReleasedSchema, SIGNED_CALL_ERRORS } from "../openapi/authorize-answer-schema.ts";

/** Either the ports (the call runs on this thread) or a ready answerer (e.g. one that runs it on another thread). */
export type AuthorizeWiring = AuthorizeDeps | { answer: AuthorizeAnswerer };

/** The raw body within its limit, or why it could not be read (reported in docs/authorize.md's order, once the key is known). */
async function readRawBody(request: Request, limit: number): Promise<AuthorizeRawRequest["body"]> {
  try {
    return { text: await readBodyText(request, limit) };
  } catch (error) {
    return { error: isGgError(error) ? ggErrorShape(error) : null };
  }
}

/** The signed license calls: the same headers, checks and signed answers (docs/authorize.md, docs/variables.md, docs/versions.md). */
const SIGNED_CALLS = [
  {
    operation: "authorize",
    path: "/v1/licenses/authorize",
    summary: "Validate a license (API key + HMAC-signed request); answers are Ed25519-signed",
    body: AuthorizeBody,
    answer: AuthorizedSchema,
  },
  {
    operation: "release",
    path: "/v1/licenses/release",
    summary: "End a session of a license (an app's clean exit), signed and answered like authorize; idempotent",
    body: ReleaseBody,
    answer: ReleasedSchema,
  },
  {
    operation: "variables",
    path: "/v1/licenses/variables",
    summary: "The license's app variables (its overrides over the product's), for a live session; signed and answered like authorize",
    body: VariablesCallBody,
    answer: VariablesAnswerSchema,
  },
  {
    operation: "latestVersion",
    path: "/v1/licenses/versions/latest",
    summary: "The newest version of the license's channels, whether it is newer and whether the license is entitled to it; signed like authorize",
    body: LatestVersionCallBody,
    answer: LatestVersionAnswerSchema,
  },
] as const;

/**
 * POST /v1/licenses/authorize and /v1/licenses/release. Mounted before the plugin's JSON
 * parser: the signature covers the raw body, so the handler reads the bytes itself and
 * hands the request to core's answerer, which returns the signed reply
 * (docs/authentication.md#the-answer-signature); the HTTP answer is shaped here.
 */
export function authorizeRoutes(wiring: AuthorizeWiring, options: { bodyLimitBytes: number; logger: Logger; metrics?: HttpMetrics | null }) {
  const answer = "answer" in wiring ? wiring.answer : authorizeAnswerer(wiring);
  const routes = new Elysia();
  for (const call of SIGNED_CALLS) {
    routes.post(
      call.path,
      async ({ request, headers }) => {
        const url = request.url;
        const reply = await answer({
          operation: call.operation,
          headers: { apiKey: headers["x-api-key"], timestamp: headers["x-gg-timestamp"], nonce: headers["x-gg-nonce"], signature: headers["x-gg-signature"] },
          pathWithQuery: url.slice(url.indexOf("/", url.indexOf("//") + 2)),
          body: await readRawBody(request, options.bodyLimitBytes),
          // Without a socket (app.handle in tests) the caller is this process.
          clientIp: clientIpOf(request, "127.0.0.1"),
        });
        if (reply.failure !== undefined) options.logger.error(`${call.operation}.failed`, { errorClass: reply.failure });
        if (call.operation === "authorize") options.metrics?.authorizeOutcome(reply.code ?? "VALID");
        return authorizeResponse(reply);
      },
      {
        parse: "none",
        detail: {
          summary: call.summary,
          tags: ["License validation"],
          ...answers(call.answer, { errors: SIGNED_CALL_ERRORS }),
          // Read raw by the handler (the signature covers the bytes), so only documented here.
          requestBody: { required: true, content: { "application/json": { schema: call.body } } },
        },
      },
    );
  }
  return routes;
}
