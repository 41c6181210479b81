import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openApiClientTypes } from "../apps/server/openapi-client-types.ts";
import { quickstartWalk } from "./openapi-client/quickstart-walk.ts";
import { startServer, type RunningServer } from "./support/server-process.ts";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe("a client generated from docs/openapi.json", () => {
  test("apps/dashboard/src/api/schema.d.ts (the dashboard's and the quickstart walk's types) is what openapi-typescript generates from the committed document (run `bun run docs:openapi`)", async () => {
    const document = readFileSync(join(import.meta.dir, "../docs/openapi.json"), "utf8");
    const committed = readFileSync(join(import.meta.dir, "../apps/dashboard/src/api/schema.d.ts"), "utf8");
    expect(committed === (await openApiClientTypes(document))).toBe(true);
  });

  test("walks the quickstart against a real server, typed by the document alone", async () => {
    const walk = await quickstartWalk(server.baseUrl);
    expect(walk.orgs.map((org) => org.id)).toContain(walk.org.id);
    expect(walk.products.map((product) => product.id)).toContain(walk.product.id);
    expect(walk.license.key).toMatch(/^GG-/);
    expect(walk.whoami.productId).toBe(walk.product.id);
    expect(walk.listed.licenses).toHaveLength(2);
    expect(walk.authorized.status).toBe(200);
    expect(walk.authorized.answer.data.valid).toBe(true);
  });
});
