import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { serverOpenApiJson } from "../../apps/server/src/openapi-spec.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { team, type Team } from "../support/team.ts";
import { issueApiKey, withKey } from "../support/api-keys.ts";
import type { CallOptions } from "../support/http-client.ts";

type Schema = { type?: string | string[]; format?: string; enum?: unknown[]; properties?: Record<string, Schema> };
type Parameter = { name?: string; in?: string; schema?: Schema };
type Operation = {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
};
type Spec = { paths: Record<string, Record<string, Operation>> };

/** Any id that names nothing: the other path params only have to be well-formed. */
const ANY_ID = "01900000-0000-7000-8000-000000000000";
interface BodyRoute {
  method: string;
  path: string;
  credential: "jwt" | "apiKey";
  /** Well-formed JSON the route's schema refuses (routes with a body). */
  invalidBody?: string;
  /** A query string the route's schema refuses (routes without a body). */
  invalidQuery?: string;
}

/**
 * Every declared field with a value of the wrong type (a number for an object field, an
 * object for anything else); a body without declared fields (the import) gets an array.
 */
function invalidBodyFor(schema: Schema | undefined): string {
  const fields = Object.entries(schema?.properties ?? {});
  if (fields.length === 0) return "[]";
  return JSON.stringify(Object.fromEntries(fields.map(([name, field]) => [name, field.type === "object" ? 7 : { wrong: true }])));
}

/** Every query param that takes only numbers, booleans, an enum or a UUID, set to "!"; null when there is none. */
function invalidQueryFor(parameters: Parameter[] = []): string | null {
  const typed = parameters.filter(({ in: where, schema }) => {
    if (where !== "query" || schema === undefined) return false;
    return schema.enum !== undefined || schema.format === "uuid" || ["integer", "number", "boolean"].includes(String(schema.type));
  });
  return typed.length === 0 ? null : `?${typed.map(({ name }) => `${name}=!`).join("&")}`;
}

/** The param after `orgs` names an org, after `products` a product (the rule the guards apply). */
function tenantKind(segments: string[], i: number): "org" | "product" | null {
  if (!/^\{.+\}$/.test(segments[i]!)) return null;
  if (segments[i - 1] === "orgs") return "org";
  if (segments[i - 1] === "products") return "product";
  return null;
}

/** Every route of the generated document with a tenant in its path and a body or a checked query. */
function routesWithTenant(spec: Spec): BodyRoute[] {
  const routes: BodyRoute[] = [];
  for (const [path, operations] of Object.entries(spec.paths)) {
    const segments = path.split("/");
    if (!segments.some((_, i) => tenantKind(segments, i) !== null)) continue;
    for (const [method, operation] of Object.entries(operations)) {
      const schemes = (operation.security ?? []).flatMap(Object.keys);
      const route = { method: method.toUpperCase(), path, credential: schemes.includes("bearerAuth") ? ("jwt" as const) : ("apiKey" as const) };
      if (operation.requestBody !== undefined) {
        routes.push({ ...route, invalidBody: invalidBodyFor(operation.requestBody.content?.["application/json"]?.schema) });
        continue;
      }
      const invalidQuery = invalidQueryFor(operation.parameters);
      if (invalidQuery !== null) routes.push({ ...route, invalidQuery });
    }
  }
  return routes;
}

describe("a foreign org or product is refused before the body or query is judged", () => {
  let t: TestApp;
  let crew: Team;
  let spec: Spec;
  let ownKey: string;
  let strangerKey: string;
  beforeAll(async () => {
    t = await openTestApp();
    crew = await team(t.api);
    ownKey = (await issueApiKey(t.api, crew.owner.token, crew.productId)).key;
    strangerKey = (await issueApiKey(t.api, crew.stranger.token, crew.stranger.productId)).key;
    spec = JSON.parse(await serverOpenApiJson());
  });
  afterAll(() => t.close());

  /** The path with the tenant params set to the given org and product, other params to ANY_ID. */
  function fill(path: string, tenant: { orgId: string; productId: string }): string {
    const segments = path.split("/");
    return segments
      .map((segment, i) => {
        const kind = tenantKind(segments, i);
        if (kind === "org") return tenant.orgId;
        if (kind === "product") return tenant.productId;
        return /^\{.+\}$/.test(segment) ? ANY_ID : segment;
      })
      .join("/");
  }

  function as(route: BodyRoute, who: "owner" | "stranger"): CallOptions {
    const options: CallOptions = route.invalidBody === undefined ? {} : { rawBody: route.invalidBody };
    if (route.credential === "apiKey") return withKey(who === "owner" ? ownKey : strangerKey, options);
    return { ...options, token: who === "owner" ? crew.owner.token : crew.stranger.token };
  }

  test("every org/product param sits after an `orgs` or `products` segment, so the rule sees it", () => {
    const unseen = Object.keys(spec.paths).filter((path) => {
      const segments = path.split("/");
      return segments.some((segment, i) => /^\{(orgId|productId)\}$/.test(segment) && tenantKind(segments, i) === null);
    });
    expect(unseen).toEqual([]);
  });

  test("each such route answers 403 FORBIDDEN to another tenant's credential, with an invalid body or query", async () => {
    const routes = routesWithTenant(spec);
    // Both families, both kinds, and the route the adversarial pass found (transfer-ownership).
    expect(routes.filter((r) => r.invalidBody !== undefined).length).toBeGreaterThan(20);
    expect(routes.filter((r) => r.invalidQuery !== undefined).length).toBeGreaterThan(8);
    expect(routes.some((r) => r.credential === "apiKey")).toBe(true);
    expect(routes.some((r) => r.path.endsWith("/transfer-ownership"))).toBe(true);
    const rowsBefore = await Promise.all(["orgs", "org_members", "products", "licenses", "blacklist_entries"].map((table) => t.count(table)));
    const answers: string[] = [];
    const controls: string[] = [];
    for (const route of routes) {
      const url = fill(route.path, { orgId: crew.orgId, productId: crew.productId }) + (route.invalidQuery ?? "");
      const foreign = await t.api(route.method, url, as(route, "stranger"));
      answers.push(`${route.method} ${route.path} ${foreign.status} ${foreign.body?.error?.code}`);
      // The request really is invalid: the tenant's own credential gets 400 for it.
      const own = await t.api(route.method, url, as(route, "owner"));
      controls.push(`${route.method} ${route.path} ${own.status} ${own.body?.error?.code}`);
    }
    expect(answers).toEqual(routes.map((r) => `${r.method} ${r.path} 403 FORBIDDEN`));
    expect(controls).toEqual(routes.map((r) => `${r.method} ${r.path} 400 VALIDATION_ERROR`));
    const rowsAfter = await Promise.all(["orgs", "org_members", "products", "licenses", "blacklist_entries"].map((table) => t.count(table)));
    expect(rowsAfter).toEqual(rowsBefore);
  });

  test("an org or product named in the body or query is checked before validation too", async () => {
    const cases: [string, string, CallOptions["rawBody"]][] = [
      ["POST", "/v1/dashboard/products", JSON.stringify({ orgId: crew.orgId, name: 7 })],
      ["POST", "/v1/dashboard/api-keys", JSON.stringify({ productId: crew.productId, name: 7, permissions: "all" })],
      ["GET", `/v1/dashboard/api-keys?productId=${crew.productId}&page=0`, undefined],
    ];
    for (const [method, path, rawBody] of cases) {
      const foreign = await t.api(method, path, { token: crew.stranger.token, rawBody });
      const own = await t.api(method, path, { token: crew.owner.token, rawBody });
      expect([method, path, foreign.status, foreign.body.error.code, own.status, own.body.error.code]).toEqual([method, path, 403, "FORBIDDEN", 400, "VALIDATION_ERROR"]);
    }
    const management = await t.api("GET", `/v1/products/${crew.stranger.productId}/licenses?page=0`, withKey(ownKey));
    expect([management.status, management.body.error.code]).toEqual([403, "FORBIDDEN"]);
  });

  test("a tenant param that is not a UUID is still a 400 naming the param", async () => {
    const answer = await t.api("POST", "/v1/dashboard/orgs/not-a-uuid/transfer-ownership", { token: crew.stranger.token, body: { userId: ANY_ID } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("VALIDATION_ERROR");
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain("/orgId");
  });

  test("an org that does not exist is 404 whatever the body; without a valid credential it is 401", async () => {
    const path = `/v1/dashboard/orgs/${ANY_ID}/transfer-ownership`;
    const missing = await t.api("POST", path, { token: crew.stranger.token, rawBody: "{}" });
    expect([missing.status, missing.body.error.code]).toEqual([404, "NOT_FOUND"]);
    const anonymous = await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/transfer-ownership`, { rawBody: "{}" });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, "UNAUTHORIZED"]);
  });
});
