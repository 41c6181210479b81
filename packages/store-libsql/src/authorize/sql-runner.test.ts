import { afterEach, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nativeRunner } from "./sql-runner.ts";

describe("nativeRunner group commit", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  async function twoConnections() {
    const dir = mkdtempSync(join(tmpdir(), "gg-runner-"));
    dirs.push(dir);
    const path = join(dir, "db.sqlite");
    const options = { busyTimeoutMs: 1000, synchronous: "normal" as const, writeLock: null };
    const writer = nativeRunner(path, options);
    await writer.run("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)", []);
    return { writer, reader: nativeRunner(path, options) };
  }
  const count = async (runner: ReturnType<typeof nativeRunner>) => (await runner.get<{ n: number }>("SELECT count(*) AS n FROM t", []))!.n;

  test("a group's writes reach other connections together, when it ends", async () => {
    const { writer, reader } = await twoConnections();
    writer.group.begin();
    await writer.run("INSERT INTO t (v) VALUES (?)", ["a"]);
    await writer.batch([{ sql: "INSERT INTO t (v) VALUES (?)", args: ["b"] }]);
    expect(await count(writer)).toBe(2); // the group sees its own writes
    expect(await count(reader)).toBe(0);
    writer.group.end();
    expect(await count(reader)).toBe(2);
  });

  test("a failing batch inside a group undoes only itself", async () => {
    const { writer, reader } = await twoConnections();
    writer.group.begin();
    await writer.run("INSERT INTO t (v) VALUES (?)", ["a"]);
    const duplicate = [
      { sql: "INSERT INTO t (v) VALUES (?)", args: ["b"] },
      { sql: "INSERT INTO t (v) VALUES (?)", args: ["a"] },
    ];
    await expect(writer.batch(duplicate)).rejects.toThrow();
    await writer.run("INSERT INTO t (v) VALUES (?)", ["c"]);
    writer.group.end();
    const rows = await reader.get<{ vs: string }>("SELECT group_concat(v, ',') AS vs FROM (SELECT v FROM t ORDER BY v)", []);
    expect(rows!.vs).toBe("a,c");
  });

  test("a group that only read takes no write lock", async () => {
    const { writer, reader } = await twoConnections();
    writer.group.begin();
    expect(await count(writer)).toBe(0);
    // Another connection can write meanwhile: the group holds no lock.
    await reader.run("INSERT INTO t (v) VALUES (?)", ["x"]);
    writer.group.end();
    expect(await count(writer)).toBe(1);
  });
});
