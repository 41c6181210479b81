import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
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

  test("a strict Content-Security-Policy that still lets the page's own inline style and script run", async () => {
    const response = await get("/licensing/docs");
    const policy = new Map(
      (response.headers.get("content-security-policy") ?? "").split(";").map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    const html = await response.text();
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const inline = (tag: string) => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map((m) => hash(m[1]!));
    expect(inline("script")).toHaveLength(1);
    expect(policy.get("script-src")).toEqual(inline("script"));
    expect(policy.get("style-src")).toEqual(inline("style"));
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  test("the security headers are on the plugin's answers, not on the host's own pages", async () => {
    expect((await get("/licensing/health")).headers.get("x-frame-options")).toBe("DENY");
    expect((await get("/licensing/no-such-route")).headers.get("x-content-type-options")).toBe("nosniff");
    expect((await get("/")).headers.get("x-frame-options")).toBeNull();
    expect((await get("/licensingX")).headers.get("x-frame-options")).toBeNull();
  });
});
