import { createHash } from "node:crypto";
import type { TestApp } from "./test-app.ts";

/** A hash of every row of every table (migrations' bookkeeping aside), to prove that a refused request changed nothing. */
export async function databaseDigest(app: Pick<TestApp, "database">): Promise<string> {
  const client = app.database.client;
  const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name");
  const hash = createHash("sha256");
  for (const { name } of tables.rows) {
    const rows = await client.execute(`SELECT * FROM "${String(name)}" ORDER BY rowid`);
    hash.update(`${String(name)}\n${JSON.stringify(rows.rows, (_, v) => (typeof v === "bigint" ? String(v) : v))}\n`);
  }
  return hash.digest("hex");
}
