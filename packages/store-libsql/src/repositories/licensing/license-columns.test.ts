import { afterAll, beforeAll, expect, test } from "bun:test";
import { getTableColumns } from "drizzle-orm";
import { LICENSE_BINDING_FIELDS, LICENSE_COLUMN_FIELDS, type LicenseRecord } from "@geckoguard/core";
import { licenses } from "../../schema/index.ts";
import { SQL } from "../../authorize/authorize-sql.ts";
import { openTempStore, type TempStore } from "../../testing/temp-store.ts";
import { BINDING_TABLES } from "./license-bindings.ts";
import { toLicenseRow } from "./license-rows.ts";

// Core's LICENSE_FIELDS is the one declaration of a license's fields; these fail when the
// drizzle table, the binding tables or the hand-written reads drift from it.
let temp: TempStore;
beforeAll(async () => {
  temp = await openTempStore();
});
afterAll(() => temp.close());

test("the licenses table has one column per column field of core's LICENSE_FIELDS, and no other", () => {
  expect(Object.keys(getTableColumns(licenses)).sort()).toEqual([...LICENSE_COLUMN_FIELDS].sort());
});

test("each binding field has its own table", () => {
  expect(Object.keys(BINDING_TABLES).sort()).toEqual([...LICENSE_BINDING_FIELDS].sort());
});

test("a record becomes a row of exactly the table's columns", () => {
  const record = Object.fromEntries([...LICENSE_COLUMN_FIELDS, ...LICENSE_BINDING_FIELDS].map((field) => [field, null])) as unknown as LicenseRecord;
  const row = toLicenseRow({ ...record, hwids: [], ips: [], policyOverrides: {}, metadata: {} });
  expect(Object.keys(row).sort()).toEqual([...LICENSE_COLUMN_FIELDS].sort());
});

test("the authorize path's full-license read returns every field, the bindings and the owner", async () => {
  const result = await temp.database.client.execute({ sql: SQL.fullLicense, args: ["none"] });
  expect([...result.columns].sort()).toEqual(
    [...LICENSE_COLUMN_FIELDS, "devices", "ips", "ownerId", "ownerUsername", "ownerEmail", "productPolicy"].sort(),
  );
});
