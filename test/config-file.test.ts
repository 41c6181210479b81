import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runUntilExit } from "./support/failed-start.ts";
import { startServer } from "./support/server-process.ts";
import { SETTINGS } from "../apps/server/src/settings/table.ts";

const dir = mkdtempSync(join(tmpdir(), "gg-config-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("serve takes its settings from a config file named by GG_CONFIG_FILE, under the environment", async () => {
  const file = join(dir, "geckoguard.env");
  writeFileSync(file, "# metrics behind a token\nGG_METRICS_TOKEN=scrape-me-0123456789\nGG_LOG_LEVEL=silent\n");
  // The environment wins: GG_LOG_LEVEL=info so the test can read the listening line.
  const server = await startServer({ env: { GG_CONFIG_FILE: file, GG_LOG_LEVEL: "info" } });
  try {
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(401);
    const scraped = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: "Bearer scrape-me-0123456789" } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain("geckoguard_http_requests_total");
  } finally {
    await server.stop();
  }
});

test("a bad config file stops the program in one line naming the file and line", async () => {
  const file = join(dir, "typo.env");
  writeFileSync(file, "PORT=8787\nGG_LOGLEVEL=warn\n");
  const result = await runUntilExit({ GG_DATA_DIR: join(dir, "data") }, ["serve", "--config", file]);
  expect(result.exitCode).toBe(1);
  expect(result.stderrLines).toEqual([`geckoguard: ${file} line 2: unknown setting GG_LOGLEVEL; 'geckoguard --help' lists them`]);
});

test("--help lists every setting with its default", async () => {
  const help = await runUntilExit({}, ["--help"]);
  expect(help.exitCode).toBe(0);
  for (const setting of Object.values(SETTINGS)) expect(help.stdout).toContain(`${setting.variable} `);
  expect(help.stdout).toContain("create-admin --email EMAIL --password PASSWORD");
  expect(help.stdout).toContain("backup FILE");
});
