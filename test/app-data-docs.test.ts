import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiClient, type Api } from "./support/http-client.ts";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { authorizeFixture } from "./support/signed-authorize.ts";
import { codeBlocks } from "./support/markdown-blocks.ts";

/** The SDK examples of docs/variables.md and docs/versions.md, run as written against a real server. */

let server: RunningServer;
let api: Api;
beforeAll(async () => {
  server = await startServer();
  api = apiClient(server.baseUrl);
});
afterAll(() => server.stop());

/** Runs a doc's ts block as a script beside the repository's packages (so `@geckoguard/sdk` resolves); its stdout. */
async function runExample(doc: string, env: Record<string, string>): Promise<string> {
  const [block] = codeBlocks(join(import.meta.dir, "../docs", doc), "ts");
  const script = join(import.meta.dir, `.doc-example-${doc.replace(".md", "")}-${process.pid}.ts`);
  const stateDir = mkdtempSync(join(tmpdir(), "gg-doc-state-"));
  writeFileSync(script, block!);
  try {
    const run = Bun.spawn([process.execPath, script], { env: { PATH: process.env.PATH ?? "", ...env, GG_STATE_FILE: join(stateDir, "session.json") }, stdout: "pipe", stderr: "pipe" });
    const [stdout, stderr, code] = await Promise.all([new Response(run.stdout).text(), new Response(run.stderr).text(), run.exited]);
    if (code !== 0) throw new Error(`example failed (exit ${code}):\n${stdout}\n${stderr}`);
    return stdout;
  } finally {
    rmSync(script, { force: true });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

async function fixtureEnv() {
  const f = await authorizeFixture(api);
  const env = { GG_URL: server.baseUrl, GG_API_KEY: f.apiKey, GG_PUBLIC_KEY: f.publicKey, GG_LICENSE_KEY: f.licenses[0]!.key };
  return { f, env };
}

test("docs/variables.md: the SDK example prints the license's variables, its override winning", async () => {
  const { f, env } = await fixtureEnv();
  for (const [name, value] of [["theme", "dark"], ["maxProjects", "3"]]) {
    expect((await api("PUT", `/v1/dashboard/products/${f.productId}/variables/${name}`, { token: f.owner.token, body: { value } })).status).toBe(200);
  }
  expect((await api("PUT", `/v1/dashboard/licenses/${f.licenses[0]!.id}/variables/maxProjects`, { token: f.owner.token, body: { value: "50" } })).status).toBe(200);
  expect(await runExample("variables.md", env)).toBe("dark 50\n");
});

test("docs/versions.md: the SDK example prints the newer version it may install", async () => {
  const { f, env } = await fixtureEnv();
  for (const body of [{ version: "1.2.0" }, { version: "1.3.0", notes: "Faster sync" }]) {
    expect((await api("POST", `/v1/dashboard/products/${f.productId}/versions`, { token: f.owner.token, body })).status).toBe(201);
  }
  expect(await runExample("versions.md", env)).toBe("1.3.0 Faster sync\n");
});
