import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { apiClient } from "./support/http-client.ts";
import { signUp } from "./support/accounts.ts";
import { authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";
import { startExample, type RunningExample } from "./support/example-process.ts";

/** Node 20 as installed on these machines, not Bun's node shim. */
const NODE = "/usr/bin/node";
const exampleDir = join(import.meta.dir, "../examples/node-server");
let example: RunningExample;

beforeAll(async () => {
  // The README's two steps: build (bundles the TypeScript workspace packages), then run with node.
  const build = Bun.spawnSync([process.execPath, "build.ts"], { cwd: exampleDir, stderr: "pipe" });
  if (build.exitCode !== 0) throw new Error(`build failed: ${build.stderr.toString()}`);
  example = await startExample([NODE, "dist/server.mjs"], exampleDir);
});
afterAll(() => example.stop());

describe("examples/node-server: GeckoGuard on a plain node:http server", () => {
  test("it runs on Node 20, not Bun", () => {
    expect(example.output.join("\n")).toMatch(/GeckoGuard on Node v20\./);
  });

  // The example keeps the default sign-up policy (first): its one account is reused below.
  let user: Awaited<ReturnType<typeof signUp>>;
  test("health, register, login and a dashboard call", async () => {
    const api = apiClient(example.baseUrl);
    expect((await api("GET", "/health")).body).toEqual({ ok: true, data: { status: "ok" } });
    user = await signUp(api);
    const me = await api("GET", "/v1/dashboard/me", { token: user.token });
    expect(me.body.data.user.id).toBe(user.userId);
  });

  test("a signed authorize call: its raw body streams through the bridge intact", async () => {
    const api = apiClient(example.baseUrl);
    const fixture = await authorizeFixture(api, { hwidBinding: "off" }, 1, user);
    const answer = await authorizeCall(example.baseUrl, fixture.apiKey, { licenseKey: fixture.licenses[0]!.key });
    expect([answer.status, answer.body.data?.valid]).toEqual([200, true]);
  });

  test("SIGTERM closes the database and exits 0", async () => {
    expect(await example.stop()).toBe(0);
  });
});
