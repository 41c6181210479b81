import { beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { errorCatalogue } from "@geckoguard/core";
import { serverOpenApiJson } from "../apps/server/src/openapi-spec.ts";
import { referenceAuthPaths, referenceRoutes, type Credential } from "./support/reference-routes.ts";

type Operation = { security?: Record<string, string[]>[] };
type Spec = { paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { type: string; name?: string; scheme?: string }> } };

/** What each of the reference's credentials looks like in the document's `security`. */
const EXPECTED_SECURITY: Record<Credential, Record<string, string[]>[]> = {
  public: [],
  jwt: [{ bearerAuth: [] }],
  apiKey: [{ apiKey: [] }],
  signedRequest: [{ apiKey: [], ggTimestamp: [], ggNonce: [], ggSignature: [] }],
};

/** `/v1/dashboard/products/:id` and `/v1/dashboard/products/{id}` → one key. */
const shape = (path: string) => path.replace(/:[A-Za-z]+|\{[^}]+\}/g, "{}");

let generated: string;
let spec: Spec;
beforeAll(async () => {
  generated = await serverOpenApiJson();
  spec = JSON.parse(generated);
});

type Answer = { content?: Record<string, { schema?: { properties?: Record<string, unknown> }; example?: unknown }> };

function allOperations(): [string, string, Operation & { responses?: Record<string, unknown>; requestBody?: unknown }][] {
  return Object.entries(spec.paths).flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => [path, method, operation] as [string, string, Operation]));
}

function operationsAt(path: string): [string, Operation][] {
  const key = Object.keys(spec.paths).find((candidate) => shape(candidate) === shape(path));
  return key === undefined ? [] : Object.entries(spec.paths[key]!);
}

describe("OpenAPI document", () => {
  test("every row of the reference's tables is in it, with the credential the reference gives", () => {
    const rows = referenceRoutes();
    expect(rows.length).toBeGreaterThan(60);
    const problems: string[] = [];
    for (const row of rows) {
      const operation = operationsAt(row.path).find(([method]) => method === row.method.toLowerCase())?.[1];
      if (operation === undefined) problems.push(`missing: ${row.method} ${row.path}`);
      else if (!Bun.deepEquals(operation.security, EXPECTED_SECURITY[row.credential])) {
        problems.push(`${row.method} ${row.path}: security ${JSON.stringify(operation.security)}, reference says ${row.credential}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("the paths named in the reference's authentication table carry its credential", () => {
    const problems: string[] = [];
    for (const { path, credential } of referenceAuthPaths()) {
      const operations = operationsAt(path);
      if (operations.length === 0) problems.push(`missing: ${path}`);
      for (const [method, operation] of operations) {
        if (!Bun.deepEquals(operation.security, EXPECTED_SECURITY[credential])) problems.push(`${method} ${path}: ${JSON.stringify(operation.security)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("every operation declares its security, using only defined schemes", () => {
    const schemes = spec.components.securitySchemes;
    expect(schemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.apiKey).toMatchObject({ type: "apiKey", name: "X-Api-Key" });
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!Array.isArray(operation.security)) problems.push(`${method} ${path}: no security (add its family to security-schemes.ts)`);
        for (const name of (operation.security ?? []).flatMap(Object.keys)) if (!(name in schemes)) problems.push(`${method} ${path}: unknown scheme ${name}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("docs/openapi.json is the document the code generates (run `bun run docs:openapi`)", () => {
    const committed = readFileSync(join(import.meta.dir, "../docs/openapi.json"), "utf8");
    expect(committed === generated).toBe(true);
  });

  test("every operation declares its success data schema, with an example", () => {
    const problems: string[] = [];
    for (const [path, method, operation] of allOperations()) {
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith("2"));
      if (success.length !== 1) problems.push(`${method} ${path}: ${success.length} success responses`);
      for (const [status, response] of success) {
        const content = (response as Answer).content ?? {};
        if (Object.keys(content).length === 0) problems.push(`${method} ${path}: ${status} has no content`);
        const json = content["application/json"];
        if (json === undefined) continue;
        if (json.example === undefined) problems.push(`${method} ${path}: ${status} has no example`);
        if (!path.endsWith("/export") && json.schema?.properties?.data === undefined) problems.push(`${method} ${path}: ${status} declares no data schema`);
      }
      const body = (operation.requestBody as { content?: Record<string, { example?: unknown }> } | undefined)?.content?.["application/json"];
      if (body !== undefined && body.example === undefined && !path.endsWith("/import")) problems.push(`${method} ${path}: request body has no example`);
    }
    expect(problems).toEqual([]);
  });

  test("each error response lists codes of the catalogue under the catalogue's status, each with an example", () => {
    const responses = (spec.components as unknown as { responses: Record<string, Answer> }).responses;
    const examples = (spec.components as unknown as { examples: Record<string, unknown> }).examples;
    const problems: string[] = [];
    for (const [path, method, operation] of allOperations()) {
      const errors = Object.entries(operation.responses ?? {}).filter(([status]) => /^[45]/.test(status));
      if (errors.length === 0) problems.push(`${method} ${path}: no error responses`);
      for (const [status, ref] of errors) {
        const name = (ref as { $ref?: string }).$ref?.split("/").pop() ?? "";
        const json = responses[name]?.content?.["application/json"];
        const codes = (json?.schema?.properties?.error as { properties: { code: { enum: string[] } } } | undefined)?.properties.code.enum ?? [];
        if (codes.length === 0) problems.push(`${method} ${path}: ${status} names no codes`);
        for (const code of codes) {
          if (String(errorCatalogue[code as keyof typeof errorCatalogue]) !== status) problems.push(`${method} ${path}: ${code} under ${status}`);
          if (!(code in examples)) problems.push(`${code}: no example`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("the document names its servers and its license", () => {
    const document = spec as unknown as { servers: { url: string }[]; info: { license: { name: string } } };
    expect(document.servers.length).toBeGreaterThan(0);
    expect(document.info.license.name.length).toBeGreaterThan(0);
  });
});
