import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiClient } from "./support/http-client.ts";
import { signUp } from "./support/accounts.ts";
import { authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";
import { startExample, type RunningExample } from "./support/example-process.ts";
import { node22, node22Env } from "./support/node22.ts";
import { packPackages, RUNTIME_PACKAGES } from "./support/packed-packages.ts";

/**
 * examples/node-server as its README runs it: copied out of the repository, the packed
 * packages and their registry dependencies installed with npm, started with Node 22.
 * Nothing of the workspace (its node_modules, Bun, TypeScript sources) is reachable.
 */
const exampleSource = join(import.meta.dir, "../examples/node-server");
let folder: string;
let example: RunningExample;

beforeAll(async () => {
  const tarballs = packPackages(RUNTIME_PACKAGES);
  folder = join(mkdtempSync(join(tmpdir(), "gg-node-example-")), "node-server");
  cpSync(exampleSource, folder, { recursive: true, filter: (path) => !/\/(node_modules|data)$/.test(path) });
  const install = Bun.spawnSync(["npm", "install", "--no-audit", "--no-fund", "--prefer-offline", ...tarballs], {
    cwd: folder,
    env: node22Env(),
    stdout: "pipe",
    stderr: "pipe",
  });
  if (install.exitCode !== 0) throw new Error(`npm install failed: ${install.stderr.toString()}`);
  example = await startExample([node22(), "server.ts"], folder);
}, 240_000);

afterAll(async () => {
  await example?.stop();
  if (folder !== undefined) rmSync(join(folder, ".."), { recursive: true, force: true });
});

describe("examples/node-server: packed packages on a plain node:http server", () => {
  test("it runs on Node 22 from its own folder, outside the repository", () => {
    expect(example.output.join("\n")).toMatch(/GeckoGuard on Node v22\./);
    expect(folder.startsWith(join(import.meta.dir, ".."))).toBe(false);
  });

  test("the installed packages are the packed ones, running their built JS", async () => {
    const runtime = await Bun.file(join(folder, "node_modules/@geckoguard/runtime/package.json")).json();
    expect(runtime.exports["."].default).toBe("./dist/index.js");
    expect(runtime.dependencies["@geckoguard/core"]).toBe(runtime.version);
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
