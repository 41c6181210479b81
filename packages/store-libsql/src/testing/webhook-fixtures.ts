import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { manualClock, uuidv7, type Store, type WebhookEndpointRecord } from "@geckoguard/core";
import { openDatabase, type GgDatabase } from "../open-database.ts";
import { migrate } from "../migrations/migrate.ts";
import { createLibsqlStore } from "../store.ts";

/** A migrated temp database file; `connect()` opens another connection (another "process") to it. */
export async function tempWebhookDatabase(startMs = 1_800_000_000_000) {
  const dir = mkdtempSync(join(tmpdir(), "gg-webhooks-"));
  const path = join(dir, "test.db");
  const url = `file:${path}`;
  const clock = manualClock(startMs);
  const opened: GgDatabase[] = [];
  const connect = async (): Promise<Store> => {
    const database = await openDatabase({ url });
    opened.push(database);
    return createLibsqlStore(database.db, { clock, mailLog: () => {} });
  };
  const first = await openDatabase({ url });
  opened.push(first);
  await migrate(first.client);
  return {
    /** The database file, for a second engine (the authorize path's native connection). */
    path,
    clock,
    store: createLibsqlStore(first.db, { clock, mailLog: () => {} }),
    connect,
    /** An org with a product, written straight to the tables. */
    async product(orgId = uuidv7()): Promise<{ orgId: string; productId: string }> {
      const productId = uuidv7();
      const now = clock.now();
      await first.client.execute({ sql: "INSERT OR IGNORE INTO orgs (id, name, created_at, updated_at) VALUES (?, 'Org', ?, ?)", args: [orgId, now, now] });
      await first.client.execute({
        sql: "INSERT INTO products (id, org_id, name, policy, public_key, private_key, created_at, updated_at) VALUES (?, ?, 'App', '{}', 'pk', 'sk', ?, ?)",
        args: [productId, orgId, now, now],
      });
      return { orgId, productId };
    },
    async endpoint(store: Store, productId: string, events: string[] = ["*"], enabled = true): Promise<WebhookEndpointRecord> {
      const now = clock.now();
      const endpoint: WebhookEndpointRecord = {
        id: uuidv7(now),
        productId,
        url: "https://hooks.example.com/gg",
        description: null,
        events,
        enabled,
        secretSealed: "sealed",
        failingSince: null,
        disabledReason: null,
        createdAt: now,
        updatedAt: now,
      };
      if (!(await store.webhookEndpoints.insertBelowLimit(endpoint, 20))) throw new Error("endpoint limit");
      return endpoint;
    },
    close() {
      for (const database of opened) database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
