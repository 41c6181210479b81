import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runUntilExit } from "./support/failed-start.ts";
import { startServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { PASSWORD } from "./support/accounts.ts";

const dataDir = mkdtempSync(join(tmpdir(), "gg-mail-command-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test("`geckoguard mail` says in one line that the outbox is empty, then prints a queued mail's link (no SMTP)", async () => {
  expect((await runUntilExit({ GG_DATA_DIR: dataDir }, ["migrate"])).exitCode).toBe(0);
  const empty = await runUntilExit({ GG_DATA_DIR: dataDir }, ["mail"]);
  expect(empty.exitCode).toBe(0);
  expect(empty.stdout.trim().split("\n")).toEqual([
    "The mail outbox is empty: no mail has been queued yet (GG_SMTP_URL is unset, so mails stay here for you to read with this command).",
  ]);
  const withSmtp = await runUntilExit({ GG_DATA_DIR: dataDir, GG_SMTP_URL: "smtp://127.0.0.1:1", GG_MAIL_FROM: "a@example.com" }, ["mail"]);
  expect(withSmtp.stdout).toContain("GG_SMTP_URL is set");

  const server = await startServer({ dataDir, env: { GG_PUBLIC_URL: "http://licensing.test" } });
  try {
    const registered = await apiClient(server.baseUrl)("POST", "/v1/auth/register", { body: { email: "reader@example.com", password: PASSWORD } });
    expect(registered.status).toBe(201);
  } finally {
    await server.stop({ keepData: true });
  }
  const listed = await runUntilExit({ GG_DATA_DIR: dataDir }, ["mail"]);
  expect(listed.stdout).toContain("to reader@example.com");
  expect(listed.stdout).toMatch(/http:\/\/licensing\.test\/verify-email\?token=gg_ve_[A-Za-z0-9_-]+/);
  expect(listed.stdout).not.toContain("Status:");
}, 30_000);
