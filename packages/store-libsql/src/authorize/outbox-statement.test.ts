import { afterEach, expect, test } from "bun:test";
import Database from "libsql";
import { uuidv7 } from "@geckoguard/core";
import { tempWebhookDatabase } from "../testing/webhook-fixtures.ts";
import { outboxEventStatement } from "./outbox-statement.ts";

let db: Awaited<ReturnType<typeof tempWebhookDatabase>>;
afterEach(() => db.close());

test("the raw-SQL outbox statement writes only after a change, and only for a subscribed product", async () => {
  db = await tempWebhookDatabase();
  const { productId } = await db.product();
  const { productId: quiet } = await db.product();
  const endpoint = await db.endpoint(db.store, productId, ["session.opened"]);
  const native = new Database(db.path);
  // The guarded write of the hot path, then the event, in one transaction.
  const changeThenRecord = native.transaction((targetId: string, product: string, type: "session.opened" | "license.hwid_bound") => {
    native.prepare("UPDATE webhook_endpoints SET description = 'touched' WHERE id = ?").run(targetId);
    const { sql, args } = outboxEventStatement({ id: uuidv7(), productId: product, type, data: { ok: 1 }, createdAt: 1 }, { afterChange: true });
    return native.prepare(sql).run(...args).changes;
  });
  try {
    expect(changeThenRecord(endpoint.id, productId, "session.opened")).toBe(1);
    expect(changeThenRecord("no-such-row", productId, "session.opened")).toBe(0); // the guard lost: no event
    expect(changeThenRecord(endpoint.id, productId, "license.hwid_bound")).toBe(0); // nobody subscribes
    expect(changeThenRecord(endpoint.id, quiet, "session.opened")).toBe(0); // no endpoint on that product
  } finally {
    native.close();
  }
  const events = await db.store.events.takeForFanOut(10);
  expect(events).toMatchObject([{ productId, type: "session.opened", data: { ok: 1 } }]);
});
