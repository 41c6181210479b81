import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { apiClient } from "./support/http-client.ts";
import { signUp } from "./support/accounts.ts";
import { startExample, type RunningExample } from "./support/example-process.ts";

const exampleDir = join(import.meta.dir, "../examples/elysia-host");
let example: RunningExample;
beforeAll(async () => {
  example = await startExample([process.execPath, "server.ts"], exampleDir);
});
afterAll(() => example.stop());

describe("examples/elysia-host: GeckoGuard under /licensing beside the host's routes", () => {
  test("the host's own routes answer as before, untouched by the plugin", async () => {
    const notes = await fetch(`${example.baseUrl}/api/notes`);
    expect([notes.status, await notes.json()]).toEqual([200, [{ id: 1, text: "Ship the licensing page" }]]);
    const anonymous = await fetch(`${example.baseUrl}/api/whoami`);
    expect(anonymous.status).toBe(401);
  });

  test("GeckoGuard answers under the prefix: health, register, login, and the host accepts its token", async () => {
    const licensing = apiClient(`${example.baseUrl}/licensing`);
    expect((await licensing("GET", "/health")).body).toEqual({ ok: true, data: { status: "ok" } });
    const user = await signUp(licensing);
    const me = await licensing("GET", "/v1/dashboard/me", { token: user.token });
    expect(me.body.data.user.id).toBe(user.userId);
    const host = await fetch(`${example.baseUrl}/api/whoami`, { headers: { authorization: `Bearer ${user.token}` } });
    expect(await host.json()).toEqual({ userId: user.userId });
    expect((await fetch(`${example.baseUrl}/licensing/docs/json`)).status).toBe(200);
  });

  test("the dashboard is mounted under the prefix: its page, its files and its API calls all point below /licensing", async () => {
    const page = await fetch(`${example.baseUrl}/licensing/sign-in`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<meta name="gg-base" content="/licensing">');
    const script = html.match(/src="\/licensing\/assets\/([^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${example.baseUrl}/licensing/assets/${script}`)).status).toBe(200);
    // The host's own root is still the host's.
    expect(await (await fetch(`${example.baseUrl}/`)).json()).toMatchObject({ app: "notes" });
  });

  test("SIGTERM closes the database and exits 0", async () => {
    expect(await example.stop()).toBe(0);
  });
});
