import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { walkFoundationFlow } from "./support/foundation-flow.ts";

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

  test("serves the whole foundation flow", async () => {
    await walkFoundationFlow(apiClient(server.baseUrl));
  });
});
