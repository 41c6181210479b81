import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { runUntilExit, type FailedStart } from "./support/failed-start.ts";

const SECRET = "s".repeat(40);

/** Exit code ≠ 0 and exactly one line on stderr, naming what to fix, with no stack trace. */
function expectOneLineFailure(result: FailedStart, mentions: RegExp) {
  expect(result.exitCode).not.toBe(0);
  expect(result.stderrLines).toHaveLength(1);
  expect(result.stderrLines[0]).toMatch(mentions);
  expect(result.stderrLines[0]).not.toMatch(/\bat .*:\d+:\d+|Error:|\.ts\b/);
}

describe("the server refuses to start, in one line, when", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "gg-startup-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test("an env value is malformed (PORT=abc)", async () => {
    expectOneLineFailure(await runUntilExit({ PORT: "abc", GG_DATA_DIR: join(root, "bad-port") }), /PORT/);
  });

  test("the data directory is a file", async () => {
    const file = join(root, "a-file");
    writeFileSync(file, "not a directory");
    expectOneLineFailure(await runUntilExit({ GG_DATA_DIR: file }), /GG_DATA_DIR/);
  });

  test("the data directory cannot be created", async () => {
    const blocker = join(root, "blocker");
    writeFileSync(blocker, "");
    expectOneLineFailure(await runUntilExit({ GG_DATA_DIR: join(blocker, "data") }), /GG_DATA_DIR/);
    // The database lives there too, so a configured JWT secret does not get around it.
    expectOneLineFailure(await runUntilExit({ GG_DATA_DIR: join(blocker, "data"), GG_JWT_SECRET: SECRET }), /GG_DATA_DIR/);
  });

  test("a GG_DATABASE_URL file cannot be created", async () => {
    const blocker = join(root, "db-blocker");
    writeFileSync(blocker, "");
    const env = { GG_DATA_DIR: join(root, "ok-data"), GG_DATABASE_URL: `file:${join(blocker, "sub/gg.db")}` };
    expectOneLineFailure(await runUntilExit(env), /GG_DATABASE_URL/);
  });

  test("the database was migrated by a newer GeckoGuard", async () => {
    const dataDir = join(root, "newer");
    const migrated = await runUntilExit({ GG_DATA_DIR: dataDir }, ["migrate"]);
    expect(migrated.exitCode).toBe(0);
    const client = createClient({ url: `file:${join(dataDir, "geckoguard.db")}` });
    await client.execute("INSERT INTO gg_migrations (id, tag, hash, applied_at) VALUES (999, '9999_from_the_future', 'x', 0)");
    client.close();
    expectOneLineFailure(await runUntilExit({ GG_DATA_DIR: dataDir }), /newer/);
  });

  test("the port is in use", async () => {
    const squatter = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: () => new Response("taken") });
    try {
      const result = await runUntilExit({ GG_DATA_DIR: join(root, "port"), PORT: String(squatter.port) });
      expectOneLineFailure(result, new RegExp(`${squatter.port}.*in use|in use.*${squatter.port}`));
    } finally {
      await squatter.stop(true);
    }
  });

  test("the command is unknown", async () => {
    expectOneLineFailure(await runUntilExit({ GG_DATA_DIR: join(root, "cmd") }, ["serv"]), /serv/);
  });
});
