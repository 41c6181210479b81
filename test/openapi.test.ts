import { beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
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
});
