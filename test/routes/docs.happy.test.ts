import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { Elysia } from "elysia";
import { openTestApp, type TestApp } from "../support/test-app.ts";

let testApp: TestApp;
let host: { handle(request: Request): Promise<Response> };
beforeAll(async () => {
  testApp = await openTestApp({ prefix: "/licensing", version: "9.9.9" });
  host = new Elysia().get("/", () => "host home").use(testApp.plugin);
});
afterAll(() => testApp.close());

const get = (path: string) => host.handle(new Request(`http://localhost${path}`));

describe("/docs inside a host app", () => {
  test("the JSON lists GeckoGuard's routes under the prefix, never the host's", async () => {
    const response = await get("/licensing/docs/json");
    expect(response.status).toBe(200);
    const spec = (await response.json()) as { openapi: string; info: { version: string }; paths: Record<string, Record<string, { security: unknown }>> };
    expect(spec.openapi).toStartWith("3.1");
    expect(spec.info.version).toBe("9.9.9");
    const paths = Object.keys(spec.paths);
    expect(paths.every((path) => path.startsWith("/licensing/v1/") || path === "/licensing/health" || path === "/licensing/metrics")).toBe(true);
    expect(paths).not.toContain("/licensing/docs/json");
    expect(spec.paths["/licensing/v1/whoami"]!.get!.security).toEqual([{ apiKey: [] }]);
    expect(spec.paths["/licensing/health"]!.get!.security).toEqual([]);
  });

  test("the page is self-contained: the document is embedded and nothing is loaded from elsewhere", async () => {
    const response = await get("/licensing/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toStartWith("text/html");
    const html = await response.text();
    expect(html).toContain('href="/licensing/docs/json"');
    expect(html).toContain('"/licensing/v1/licenses/authorize"');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(/);
  });
});
