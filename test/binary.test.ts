import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { walkFoundationFlow } from "./support/foundation-flow.ts";
import { runUntilExit } from "./support/failed-start.ts";
import { PASSWORD } from "./support/accounts.ts";

const repoRoot = join(import.meta.dir, "..");

describe("the compiled binary, copied alone into an empty folder", () => {
  let folder: string;
  let server: RunningServer;

  beforeAll(async () => {
    const build = Bun.spawnSync([process.execPath, "run", "build:binary"], { cwd: repoRoot, stdout: "pipe", stderr: "pipe" });
    if (build.exitCode !== 0) throw new Error(`build failed: ${build.stderr.toString()}`);
    folder = mkdtempSync(join(tmpdir(), "gg-binary-"));
    copyFileSync(join(repoRoot, "dist/geckoguard"), join(folder, "geckoguard"));
    // No GG_DATA_DIR: the binary must create ./data next to itself on first start.
    server = await startServer({ executable: join(folder, "geckoguard"), cwd: folder, dataDir: "./data" });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test("creates and migrates a fresh database under ./data", () => {
    expect(existsSync(join(folder, "data/geckoguard.db"))).toBe(true);
    expect(server.output.join("\n")).toContain('"database.migrated"');
  });

  test("serves the web dashboard from files embedded in it", async () => {
    const page = await fetch(`${server.baseUrl}/sign-in`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const script = (await page.text()).match(/src="\/assets\/([^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.baseUrl}/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("text/javascript");
    expect((await asset.text()).length).toBeGreaterThan(1000);
  });

  test("serves the whole foundation flow", async () => {
    await walkFoundationFlow(apiClient(server.baseUrl));
  });
});

describe("the compiled binary's operator commands", () => {
  const binary = join(repoRoot, "dist/geckoguard");
  let folder: string;
  let server: RunningServer;
  beforeAll(async () => {
    // The binary is built by the suite above (bun runs a file's describe blocks in order).
    if (!existsSync(binary)) throw new Error("dist/geckoguard is missing");
    folder = mkdtempSync(join(tmpdir(), "gg-binary-ops-"));
    server = await startServer({ executable: binary, dataDir: join(folder, "data") });
  });
  afterAll(async () => {
    await server?.stop({ keepData: true });
    rmSync(folder, { recursive: true, force: true });
  });

  test("version, create-admin and backup work from the binary while it serves", async () => {
    const env = { GG_DATA_DIR: join(folder, "data") };
    const version = await runUntilExit(env, ["version"], { executable: binary });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const admin = await runUntilExit(env, ["create-admin", "--email", "ops@example.com", "--password", PASSWORD], { executable: binary });
    expect([admin.exitCode, admin.stderrLines]).toEqual([0, []]);
    const login = await apiClient(server.baseUrl)("POST", "/v1/auth/login", { body: { email: "ops@example.com", password: PASSWORD } });
    expect(login.status).toBe(200);
    const backup = await runUntilExit(env, ["backup", join(folder, "snapshot.db")], { executable: binary });
    expect([backup.exitCode, backup.stderrLines]).toEqual([0, []]);
    expect(existsSync(join(folder, "snapshot.db"))).toBe(true);
  });
});
