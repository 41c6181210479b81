import { createClient } from "@libsql/client";
import { newLicenseKey, uuidv7 } from "@geckoguard/core";

/** Inserts `count` plain licenses of a product straight into the database file (what a bench measures is the server). */
export async function seed(dbPath: string, productId: string, count: number): Promise<void> {
  const client = createClient({ url: `file:${dbPath}`, timeout: 30_000 });
  const now = Date.now();
  for (let done = 0; done < count; ) {
    const tx = await client.transaction("write");
    for (let batch = 0; batch < 100 && done < count; batch++) {
      const rows = Math.min(500, count - done);
      const values: string[] = [];
      const args: (string | number)[] = [];
      for (let i = 0; i < rows; i++) {
        values.push("(?, ?, ?, 'active', 0, '{}', '{}', ?, ?)");
        args.push(uuidv7(now), productId, newLicenseKey(), now, now);
      }
      await tx.execute({
        sql: `INSERT INTO licenses (id, product_id, key, status, frozen, policy_overrides, metadata, created_at, updated_at) VALUES ${values.join(",")}`,
        args,
      });
      done += rows;
    }
    await tx.commit();
  }
  client.close();
}
