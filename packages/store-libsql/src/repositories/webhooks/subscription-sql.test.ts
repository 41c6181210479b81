import { afterEach, expect, test } from "bun:test";
import Database from "libsql";
import { receives, subscribesTo } from "@geckoguard/core";
import { tempWebhookDatabase } from "../../testing/webhook-fixtures.ts";
import { subscriptionsOf } from "./webhook-subscriptions.ts";
import { PRODUCT_SUBSCRIBES_SQL } from "./subscription-sql.ts";

let db: Awaited<ReturnType<typeof tempWebhookDatabase>>;
afterEach(() => db.close());

/** Endpoints per product: [events, enabled]. */
const PRODUCTS: [string, [string[], boolean][]][] = [
  ["none", []],
  ["all", [[["*"], true]]],
  ["all-disabled", [[["*"], false]]],
  ["one-type", [[["session.opened"], true]]],
  ["one-type-disabled", [[["session.opened"], false]]],
  ["several", [[["license.created", "license.hwid_bound"], true]]],
  ["empty-list", [[[], true]]],
  ["mixed", [[["session.opened"], false], [["license.hwid_bound"], true]]],
  ["star-and-type", [[["*", "session.opened"], true]]],
  // A type that is a prefix or a LIKE pattern of another must not match it.
  ["look-alike", [[["session.open", "session%"], true]]],
];
const TYPES = ["session.opened", "license.hwid_bound", "license.created", "webhook_endpoint.test"];

test("the SQL subscription rule agrees with the TypeScript paths (recording and fan-out) for every product and event type", async () => {
  db = await tempWebhookDatabase();
  const ids = new Map<string, string>();
  const { orgId } = await db.product();
  for (const [name, endpoints] of PRODUCTS) {
    const { productId } = await db.product(orgId);
    ids.set(name, productId);
    for (const [events, enabled] of endpoints) await db.endpoint(db.store, productId, events, enabled);
  }
  const native = new Database(db.path);
  const statement = native.prepare(`SELECT ${PRODUCT_SUBSCRIBES_SQL} AS hit`);
  const fromSql: string[] = [];
  const fromTypeScript: string[] = [];
  const fromFanOut: string[] = [];
  try {
    for (const [name, productId] of ids) {
      const subscriptions = await subscriptionsOf(db.database.db, { productId });
      const endpoints = await db.store.webhookEndpoints.listForFanOut({ productIds: [productId], orgIds: [], endpointIds: [] });
      for (const type of TYPES) {
        fromSql.push(`${name} ${type} ${(statement.get(productId, type) as { hit: number }).hit === 1}`);
        fromTypeScript.push(`${name} ${type} ${subscriptions.some((events) => subscribesTo(events, type))}`);
        const event = { id: "e", productId, orgId: null, endpointId: null, type, data: null, createdAt: 0 };
        fromFanOut.push(`${name} ${type} ${endpoints.some((endpoint) => receives(endpoint, event))}`);
      }
    }
  } finally {
    native.close();
  }
  expect(fromSql).toEqual(fromTypeScript);
  expect(fromFanOut).toEqual(fromTypeScript);
  // The table holds both answers, so neither side can agree by always saying the same.
  expect(fromSql.filter((line) => line.endsWith("true")).length).toBeGreaterThan(5);
  expect(fromSql.filter((line) => line.endsWith("false")).length).toBeGreaterThan(5);
});
