import { expect, test } from "bun:test";
import { CSV_COLUMNS, fromCsvFields, PortableLicenseSchema } from "./portable-license.ts";
import { LICENSE_PORTABLE_FIELDS } from "./license-fields.ts";

/** The CSV keeps the overrides' two limits in columns of their own, and the rest in `policy`. */
const CSV_FOR_FIELD: Partial<Record<string, string[]>> = { policyOverrides: ["maxHwids", "maxIps", "policy"] };

test("the CSV has a column for every portable license field, and no other", () => {
  const expected = LICENSE_PORTABLE_FIELDS.flatMap((field) => CSV_FOR_FIELD[field] ?? [field]);
  expect([...CSV_COLUMNS].sort() as string[]).toEqual(expected.sort());
});

test("the portable schema has every portable field (plus the effective limits a JSON export carries), and no other", () => {
  expect(Object.keys(PortableLicenseSchema.properties).sort()).toEqual([...LICENSE_PORTABLE_FIELDS, "maxHwids", "maxIps"].sort());
});

test("a CSV row decodes to exactly the portable fields", () => {
  const decoded = fromCsvFields(Object.fromEntries(CSV_COLUMNS.map((column) => [column, ""]))) as Record<string, unknown>;
  expect(Object.keys(decoded).sort()).toEqual([...LICENSE_PORTABLE_FIELDS].sort());
});
