import type { TestApp } from "./test-app.ts";

/** A JSON Schema node as the OpenAPI document carries it (TypeBox output). */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  const?: unknown;
}

export type RouteCredential = "public" | "jwt" | "endUser" | "apiKey" | "signed" | "metrics";

export interface RouteParam {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export interface RouteSpec {
  method: string;
  /** OpenAPI form: `/v1/dashboard/orgs/{orgId}`. */
  path: string;
  credential: RouteCredential;
  body?: JsonSchema;
  query: RouteParam[];
  params: RouteParam[];
  /** The success status and the error codes the document says the operation answers. */
  successStatus: number;
  errorCodes: string[];
}

interface Operation {
  security?: Record<string, unknown>[];
  parameters?: ({ name: string; in: string; required?: boolean; schema: JsonSchema } | { $ref: string })[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { $ref?: string }>;
}

type ErrorResponse = { content?: { "application/json"?: { schema?: { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } } } } };

function credentialOf(security: Record<string, unknown>[] | undefined): RouteCredential {
  const names = (security ?? []).flatMap((entry) => Object.keys(entry));
  if (names.includes("ggSignature")) return "signed";
  if (names.includes("metricsToken")) return "metrics";
  if (names.includes("bearerAuth")) return "jwt";
  if (names.includes("endUserBearerAuth")) return "endUser";
  if (names.includes("apiKey")) return "apiKey";
  return "public";
}

/**
 * Every route of the app with its body, query and path schemas, read from the app's own
 * OpenAPI document (built from the route schemas), so a new route or field is covered
 * by the tests that walk this list without editing them.
 */
export async function routeSpecs(app: Pick<TestApp, "handle">): Promise<RouteSpec[]> {
  const response = await app.handle(new Request("http://localhost/docs/json"));
  const document = (await response.json()) as { paths: Record<string, Record<string, Operation>>; components: { responses: Record<string, ErrorResponse> } };
  const codesOf = (ref: string | undefined) => document.components.responses[ref?.split("/").pop() ?? ""]?.content?.["application/json"]?.schema?.properties?.error?.properties?.code?.enum ?? [];
  const specs: RouteSpec[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = (operation.parameters ?? []).flatMap((p) => ("in" in p ? [p] : []));
      const pick = (where: string) => parameters.filter((p) => p.in === where).map((p) => ({ name: p.name, schema: p.schema, required: p.required ?? false }));
      specs.push({
        method: method.toUpperCase(),
        path,
        credential: credentialOf(operation.security),
        body: operation.requestBody?.content?.["application/json"]?.schema,
        query: pick("query"),
        params: pick("path"),
        successStatus: Number(Object.keys(operation.responses ?? {}).find((status) => status.startsWith("2"))),
        errorCodes: Object.entries(operation.responses ?? {}).flatMap(([status, answer]) => (/^[45]/.test(status) ? codesOf(answer.$ref) : [])),
      });
    }
  }
  return specs;
}

/** The string branch of a schema (itself, or a string member of an `anyOf`). */
export function stringBranch(schema: JsonSchema): JsonSchema | undefined {
  if (schema.type === "string") return schema;
  return schema.anyOf?.find((branch) => branch.type === "string");
}

/** JSON pointers of every string leaf of a body schema; array items appear as `/0`. */
export function stringFields(schema: JsonSchema | undefined, base = ""): string[] {
  if (schema === undefined) return [];
  if (stringBranch(schema) !== undefined) return [base];
  const object = schema.anyOf?.find((branch) => branch.type === "object") ?? schema;
  if (object.properties) return Object.entries(object.properties).flatMap(([name, child]) => stringFields(child, `${base}/${name}`));
  const array = schema.anyOf?.find((branch) => branch.type === "array") ?? schema;
  if (array.items) return stringFields(array.items, `${base}/0`);
  return [];
}

/** `{a: {b: [value]}}` for the pointer `/a/b/0`. */
export function bodyWith(pointer: string, value: unknown): unknown {
  const [head, ...rest] = pointer.split("/").slice(1);
  if (head === undefined) return value;
  const inner = bodyWith(rest.length === 0 ? "" : `/${rest.join("/")}`, value);
  return head === "0" ? [inner] : { [head]: inner };
}

/**
 * `bodyWith(pointer, value)` on top of the body's required arrays set to `[]`: hand-read
 * bodies (the streamed import) stop at the first missing field, schema-checked ones
 * report every field either way.
 */
export function bodyWithSkeleton(schema: JsonSchema | undefined, pointer: string, value: unknown): unknown {
  const skeleton: Record<string, unknown> = {};
  for (const name of schema?.required ?? []) if (schema?.properties?.[name]?.type === "array") skeleton[name] = [];
  return { ...skeleton, ...(bodyWith(pointer, value) as object) };
}
