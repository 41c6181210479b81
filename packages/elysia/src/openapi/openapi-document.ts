import type { AnyElysia } from "elysia";
import { toOpenAPISchema } from "@elysiajs/openapi";
import { ANSWER_DOC_KEY, type AnswerDoc } from "./answer-doc.ts";
import { hoistNamedSchemas } from "./components.ts";
import { exampleOf } from "./examples.ts";
import { ErrorResponses } from "./error-responses.ts";
import { operationResponses } from "./responses.ts";
import { impliedErrors, MUTATING } from "./route-errors.ts";
import { securityForPath, securitySchemes, type SecurityRequirement } from "./security-schemes.ts";

type Route = AnyElysia["routes"][number];
type Operation = Record<string, unknown> & { security?: unknown };
export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description: string; license: { name: string } };
  servers: { url: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
};

const OPENAPI_VERSION = "3.1.0";
const DESCRIPTION =
  "Software licensing API. Every answer is the JSON envelope {ok:true,data} or {ok:false,error:{code,message,details?}}. " +
  "Guides: docs/quickstart.md, docs/authentication.md, docs/errors.md.";

/**
 * The project has not chosen an open-source licence yet; until it does, the API
 * description is not licensed for reuse. Change it here when a licence is chosen.
 */
const LICENSE = { name: "UNLICENSED (no licence chosen yet; all rights reserved)" };

/** Relative: the server that serves this document (paths already carry the plugin's prefix). */
const SERVERS = [{ url: "/", description: "The GeckoGuard server that serves this document" }];

const envelopeSchemas = {
  ErrorDetails: {
    type: "array",
    description: "Which fields were wrong (JSON pointer paths), on VALIDATION_ERROR",
    items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
  },
  Error: {
    type: "object",
    required: ["ok", "error"],
    properties: {
      ok: { const: false },
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", description: "A code of docs/errors.md" },
          message: { type: "string" },
          details: { $ref: "#/components/schemas/ErrorDetails" },
        },
      },
    },
  },
};

const envelopeResponses = {
  Error: { description: "Error (status and code: docs/errors.md)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Retry-safe writes: the same key and body within 24 h replay the first answer (docs/authentication.md#idempotency)",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

/** Writes take an Idempotency-Key (docs/authentication.md#idempotency), except authorize: its nonce already makes each call unique. */
function withIdempotencyKey(method: string, operation: Operation, signed: boolean): Operation {
  if (!MUTATING.has(method) || signed) return operation;
  const parameters = (operation.parameters as unknown[] | undefined) ?? [];
  return { ...operation, parameters: [...parameters, { $ref: "#/components/parameters/IdempotencyKey" }] };
}

/**
 * Every body the plugin parses is read as JSON whatever its content type (decisions.md),
 * but Elysia's generator drops a body whose route has a function parser; documenting it
 * as JSON says what the API actually accepts.
 */
function asJsonRoute(route: Route): Route {
  if (!route.hooks?.body) return route;
  return { ...route, hooks: { ...route.hooks, parse: [{ fn: "json" }] } } as Route;
}

/** The JSON body's schema, given an example built from it (examples.ts). */
function withRequestExample(operation: Operation): Operation {
  const body = operation.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined;
  const json = body?.content?.["application/json"];
  if (json?.schema === undefined) return operation;
  const content = { ...body!.content, "application/json": { ...json, example: exampleOf(json.schema) } };
  return { ...operation, requestBody: { ...body, content } };
}

/** The generated operation with its `responses` built from the route's AnswerDoc and the codes it can answer. */
function documented(method: string, path: string, generated: Operation, security: SecurityRequirement[] | undefined, errors: ErrorResponses): Operation {
  const { [ANSWER_DOC_KEY]: answer, responses: own, ...operation } = generated as Operation & { [ANSWER_DOC_KEY]?: AnswerDoc; responses?: Record<string, unknown> };
  const parameters = (operation.parameters as { in: string; name: string }[] | undefined) ?? [];
  const bodyFields = Object.keys(
    (operation.requestBody as { content?: Record<string, { schema?: { properties?: object } }> } | undefined)?.content?.["application/json"]?.schema?.properties ?? {},
  );
  const fields = [...parameters.filter((parameter) => parameter.in === "query").map((parameter) => parameter.name), ...bodyFields];
  const codes = impliedErrors({
    method,
    security,
    hasInput: parameters.length > 0 || operation.requestBody !== undefined,
    hasBody: operation.requestBody !== undefined,
    hasPathParams: parameters.some((parameter) => parameter.in === "path") || path.includes("{"),
    namesTenantField: fields.includes("orgId") || fields.includes("productId"),
  });
  return { ...withRequestExample(operation), responses: operationResponses(answer, own, [...codes, ...(answer?.errors ?? [])], errors) };
}

/**
 * The OpenAPI 3.1 document of GeckoGuard's own routes (`routes`: the plugin instance's,
 * never a host's), generated from their TypeBox schemas by @elysiajs/openapi. Each
 * operation gets the security of its path family (security-schemes.ts); one outside
 * every family is left without `security` so the spec test names it.
 */
export function buildOpenApiDocument(routes: readonly Route[], options: { prefix: string; version: string }): OpenApiDocument {
  const source = { getGlobalRoutes: () => routes.map(asJsonRoute), getGlobalDefinitions: () => ({ type: {} }) };
  // toOpenAPISchema reads only these two methods of the app it is given.
  const generated = toOpenAPISchema(source as unknown as AnyElysia, undefined, undefined, undefined, OPENAPI_VERSION);
  const paths: OpenApiDocument["paths"] = {};
  const errors = new ErrorResponses();
  for (const [path, operations] of Object.entries(generated.paths as Record<string, Record<string, Operation>>)) {
    const routePath = path.startsWith(options.prefix) ? path.slice(options.prefix.length) || "/" : path;
    const security = securityForPath(routePath.replace(/\{[^}]+\}/g, ":param"));
    paths[path] = {};
    const signed = security?.some((requirement) => "ggSignature" in requirement) ?? false;
    for (const [method, operation] of Object.entries(operations)) {
      const withResponses = documented(method, path, operation, security, errors);
      paths[path][method] = { ...withIdempotencyKey(method, withResponses, signed), ...(security === undefined ? {} : { security }) };
    }
  }
  const schemas: Record<string, unknown> = { ...envelopeSchemas };
  return {
    openapi: OPENAPI_VERSION,
    info: { title: "GeckoGuard API", version: options.version, description: DESCRIPTION, license: LICENSE },
    servers: SERVERS,
    paths: hoistNamedSchemas(paths, schemas) as OpenApiDocument["paths"],
    components: {
      securitySchemes,
      schemas,
      responses: { ...envelopeResponses, ...errors.responses },
      parameters: { IdempotencyKey: idempotencyKey },
      examples: errors.examples(),
    },
  };
}
