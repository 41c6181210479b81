import type { AnyElysia } from "elysia";
import { toOpenAPISchema } from "@elysiajs/openapi";
import { securityForPath, securitySchemes } from "./security-schemes.ts";

type Route = AnyElysia["routes"][number];
type Operation = Record<string, unknown> & { security?: unknown };
export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
};

const OPENAPI_VERSION = "3.1.0";
const DESCRIPTION =
  "Software licensing API. Every answer is the JSON envelope {ok:true,data} or {ok:false,error:{code,message,details?}}. " +
  "Guides: docs/quickstart.md, docs/authentication.md, docs/errors.md.";

const envelopeSchemas = {
  Success: {
    type: "object",
    required: ["ok", "data"],
    properties: { ok: { const: true }, data: { type: "object" } },
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
          details: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
        },
      },
    },
  },
};

const envelopeResponses = {
  Success: { description: "Success", content: { "application/json": { schema: { $ref: "#/components/schemas/Success" } } } },
  Error: { description: "Error (status and code: docs/errors.md)", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};

const responses = { "2XX": { $ref: "#/components/responses/Success" }, default: { $ref: "#/components/responses/Error" } };

const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description: "Retry-safe writes: the same key and body within 24 h replay the first answer (docs/authentication.md#idempotency)",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};
const MUTATING = new Set(["post", "patch", "delete"]);

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
  for (const [path, operations] of Object.entries(generated.paths as Record<string, Record<string, Operation>>)) {
    const routePath = path.startsWith(options.prefix) ? path.slice(options.prefix.length) || "/" : path;
    const security = securityForPath(routePath.replace(/\{[^}]+\}/g, ":param"));
    paths[path] = {};
    const signed = security?.some((requirement) => "ggSignature" in requirement) ?? false;
    for (const [method, operation] of Object.entries(operations)) {
      paths[path][method] = { responses, ...withIdempotencyKey(method, operation, signed), ...(security === undefined ? {} : { security }) };
    }
  }
  return {
    openapi: OPENAPI_VERSION,
    info: { title: "GeckoGuard API", version: options.version, description: DESCRIPTION },
    paths,
    components: { securitySchemes, schemas: envelopeSchemas, responses: envelopeResponses, parameters: { IdempotencyKey: idempotencyKey } },
  };
}
