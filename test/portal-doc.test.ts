import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { codeBlocks } from "./support/markdown-blocks.ts";
import { startServer, type RunningServer } from "./support/server-process.ts";

const DOC = join(import.meta.dir, "../docs/portal.md");

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe("docs/portal.md", () => {
  test("the curl walk, run in order with bash against a fresh server, succeeds and shows what it says", async () => {
    if (Bun.which("jq") === null) throw new Error("the walk needs jq: apt-get install jq");
    const blocks = codeBlocks(DOC, "sh");
    expect(blocks.length).toBe(5);
    const dir = mkdtempSync(join(tmpdir(), "gg-portal-doc-"));
    try {
      const run = Bun.spawn(["bash", "-c", ["set -euo pipefail", ...blocks].join("\n")], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", GG_URL: server.baseUrl },
        stdout: "pipe",
        stderr: "pipe",
      });
      const [stdout, stderr, code] = await Promise.all([new Response(run.stdout).text(), new Response(run.stderr).text(), run.exited]);
      if (code !== 0) throw new Error(`the walk failed (exit ${code}):\n${stdout}\n${stderr}`);
      const lines = stdout.trim().split("\n");
      expect(JSON.parse(lines[0]!)).toEqual({ enabled: true, selfRegistration: false, hwidResetCooldownHours: 24, maxSelfResetsPer30Days: 3, allowSessionKill: true });
      expect(JSON.parse(lines[1]!)).toMatchObject({ endUser: "ada" });
      expect(JSON.parse(lines[2]!)).toEqual({ productName: "Acme Studio", state: "valid", devices: [], liveSessions: 0 });
      expect(lines[3]).toBe("[]");
      const retryAfter = Number(lines[4]!.split(":")[1]);
      expect(retryAfter).toBeGreaterThan(23 * 3600);
      expect(Date.parse(lines[5]!)).toBeGreaterThan(Date.now() + 23 * 3600_000);
      expect(lines.slice(6)).toEqual(["401", "401", '{"loggedOut":true}']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
