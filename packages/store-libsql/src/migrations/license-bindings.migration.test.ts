import { afterEach, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { bundledMigrations } from "./bundled.ts";
import { migrate } from "./migrate.ts";

const BINDINGS = bundledMigrations.findIndex((m) => m.tag === "0005_license_bindings");
let client: Client | null = null;
let dir = "";
afterEach(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("0005 moves every bound HWID and IP from the license's JSON arrays into rows, in array order", async () => {
  expect(BINDINGS).toBeGreaterThan(0);
  dir = mkdtempSync(join(tmpdir(), "gg-migrate-"));
  client = createClient({ url: `file:${join(dir, "gg.db")}` });
  await migrate(client, bundledMigrations.slice(0, BINDINGS)); // the schema with the arrays
  await client.execute("INSERT INTO orgs (id, name, created_at, updated_at) VALUES ('o', 'Org', 1, 1)");
  await client.execute("INSERT INTO products (id, org_id, name, policy, public_key, private_key, created_at, updated_at) VALUES ('p', 'o', 'P', '{}', 'x', 'x', 1, 1)");
  const licenses = [
    { id: "l1", hwids: ["hw-b", "hw-a", 'odd "quoted";value,with\ncomma'], ips: ["198.51.100.7", "2001:db8::1"], lastAuthorizedAt: 5_000, updatedAt: 4_000 },
    { id: "l2", hwids: [], ips: [], lastAuthorizedAt: null, updatedAt: 7_000 },
    { id: "l3", hwids: Array.from({ length: 40 }, (_, i) => `machine-${40 - i}`), ips: ["10.0.0.1"], lastAuthorizedAt: null, updatedAt: 9_000 },
  ];
  for (const l of licenses) {
    await client.execute({
      sql: `INSERT INTO licenses (id, product_id, key, status, hwids, ips, last_authorized_at, created_at, updated_at)
            VALUES (?, 'p', ?, 'active', ?, ?, ?, 1, ?)`,
      args: [l.id, `KEY-${l.id}-0000`, JSON.stringify(l.hwids), JSON.stringify(l.ips), l.lastAuthorizedAt, l.updatedAt],
    });
  }

  expect(await migrate(client)).toContain("0005_license_bindings");

  for (const l of licenses) {
    const hwids = await client.execute({ sql: "SELECT hwid, first_seen_at, last_seen_at, name, platform FROM license_hwids WHERE license_id = ? ORDER BY seq", args: [l.id] });
    expect(hwids.rows.map((r) => r.hwid)).toEqual(l.hwids);
    const seen = l.lastAuthorizedAt ?? l.updatedAt;
    for (const row of hwids.rows) expect([row.first_seen_at, row.last_seen_at, row.name, row.platform]).toEqual([seen, seen, null, null]);
    const ips = await client.execute({ sql: "SELECT ip, first_seen_at, last_seen_at FROM license_ips WHERE license_id = ? ORDER BY seq", args: [l.id] });
    expect(ips.rows.map((r) => r.ip)).toEqual(l.ips);
    for (const row of ips.rows) expect([row.first_seen_at, row.last_seen_at]).toEqual([seen, seen]);
  }
  expect(Number((await client.execute("SELECT count(*) AS n FROM license_hwids")).rows[0]!.n)).toBe(43);
  const columns = (await client.execute("SELECT name FROM pragma_table_info('licenses')")).rows.map((r) => r.name);
  expect(columns).not.toContain("hwids");
  expect(columns).not.toContain("ips");
});
