import { expect, test } from "bun:test";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runUntilExit } from "./support/failed-start.ts";
import { startServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { PASSWORD, orgWithProduct, signUp } from "./support/accounts.ts";
import { orgLicenseIds } from "./support/license-ids.ts";

test("backup while the server takes writes; the restored copy serves the data and logins", async () => {
  const root = mkdtempSync(join(tmpdir(), "gg-backup-"));
  const live = await startServer({ dataDir: join(root, "live") });
  try {
    const api = apiClient(live.baseUrl);
    const owner = await signUp(api);
    const { orgId, productId } = await orgWithProduct(api, owner.token);

    // Light, steady writes: batches of licenses, one request after another.
    const answered: string[] = [];
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const created = await api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, count: 5 } });
        expect(created.status).toBe(201);
        answered.push(...created.body.data.licenses.map((license: { id: string }) => license.id));
      }
    })();
    while (answered.length < 25) await Bun.sleep(5);

    const before = [...answered];
    const backupFile = join(root, "snapshot.db");
    const backup = await runUntilExit({ GG_DATA_DIR: join(root, "live") }, ["backup", backupFile]);
    const after = [...answered];
    writing = false;
    await writer;
    expect(backup.stderrLines).toEqual([]);
    expect(backup.exitCode).toBe(0);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    // Restore: the snapshot becomes the database file of a fresh data directory.
    const restoredDir = join(root, "restored");
    mkdirSync(restoredDir);
    copyFileSync(backupFile, join(restoredDir, "geckoguard.db"));
    const restored = await startServer({ dataDir: restoredDir });
    try {
      const api2 = apiClient(restored.baseUrl);
      const login = await api2("POST", "/v1/auth/login", { body: { email: owner.email, password: PASSWORD } });
      expect(login.status).toBe(200);
      const ids = await orgLicenseIds(api2, login.body.data.accessToken, orgId);
      // Everything answered before the backup began is in it; nothing answered after it ended
      // is; whole batches only (each was one transaction).
      for (const id of before) expect(ids.has(id)).toBe(true);
      for (const id of answered.slice(after.length + 5)) expect(ids.has(id)).toBe(false);
      expect(ids.size % 5).toBe(0);
      const created = await api2("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: login.body.data.accessToken, body: { productId } });
      expect(created.status).toBe(201);
    } finally {
      await restored.stop({ keepData: true });
    }
  } finally {
    await live.stop({ keepData: true });
    rmSync(root, { recursive: true, force: true });
  }
}, 60_000);

test("backup refuses what it cannot do, in one line", async () => {
  const root = mkdtempSync(join(tmpdir(), "gg-backup-refuse-"));
  try {
    const cases: [Record<string, string>, string[], RegExp][] = [
      [{ GG_DATA_DIR: join(root, "empty") }, ["backup", join(root, "x.db")], /no database at/],
      [{ GG_DATA_DIR: root, GG_DATABASE_URL: "libsql://db.example.turso.io" }, ["backup", join(root, "x.db")], /remote.*docs\/deploy\.md/],
      [{ GG_DATA_DIR: root }, ["backup"], /one argument/],
    ];
    for (const [env, args, message] of cases) {
      const result = await runUntilExit(env, args);
      expect(result.exitCode).toBe(1);
      expect(result.stderrLines).toHaveLength(1);
      expect(result.stderrLines[0]).toMatch(message);
    }
    expect(existsSync(join(root, "empty", "geckoguard.db"))).toBe(false);

    expect((await runUntilExit({ GG_DATA_DIR: root }, ["migrate"])).exitCode).toBe(0);
    const target = join(root, "first.db");
    expect((await runUntilExit({ GG_DATA_DIR: root }, ["backup", target])).exitCode).toBe(0);
    const again = await runUntilExit({ GG_DATA_DIR: root }, ["backup", target]);
    expect(again.exitCode).toBe(1);
    expect(again.stderrLines[0]).toMatch(/already exists/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
