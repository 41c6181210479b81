import { sql, type SQL } from "drizzle-orm";
import { CELL_ESCAPE, CSV_COLUMNS, GUARDED_FIRST_CHARACTERS, MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS, type CsvColumn } from "@geckoguard/core";

/**
 * One license's CSV line (CSV_COLUMNS order, with its "\n"), computed by SQLite. Exports
 * build text in the database and fetch one string per batch, which is what makes a
 * million-row export stream at well over 100k rows/s; core's `toCsvFields` +
 * `formatCsvRow` is the reference encoding and a contract test holds the two equal.
 * Only the text cells go through the formula guard: the others (status, booleans,
 * numbers, UUIDs, timestamps) are written in forms that never begin with a trigger.
 */

const char = (c: string) => `char(${c.codePointAt(0)})`;

/** Core's formula guard (csv/formula-guard.ts) from the same list: the escape, or nothing. */
const guard = (first: string) =>
  `CASE WHEN substr(${first}, 1, 1) IN (${GUARDED_FIRST_CHARACTERS.map(char).join(", ")}) THEN ${char(CELL_ESCAPE)} ELSE '' END`;

/**
 * A text cell: guarded, then quoted when needed. The escape never changes whether a cell
 * needs quotes (it is added only before a character that is not a space), so the test
 * reads the raw value and the escape goes inside the quotes, as core writes it. `first`
 * is a cheaper expression that begins with the same character as `expr`, when there is
 * one (SQLite evaluates `expr` again at each mention, a subquery included).
 */
const quoted = (expr: string, first = expr) =>
  `CASE WHEN ${expr} IS NULL THEN '' ` +
  `WHEN ${expr} GLOB '*[",' || char(10) || char(13) || ']*' OR ${expr} GLOB ' *' OR ${expr} GLOB '* ' ` +
  `THEN '"' || ${guard(first)} || replace(${expr}, '"', '""') || '"' ELSE ${guard(first)} || ${expr} END`;

/** Out-of-range or non-numeric instants print as the nearest bound, as core's toIso does. */
const readable = (column: string) =>
  `(CASE WHEN typeof(${column}) IN ('integer', 'real') THEN min(max(${column}, ${MIN_TIMESTAMP_MS}), ${MAX_TIMESTAMP_MS}) ELSE ${MIN_TIMESTAMP_MS} END)`;
const iso = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN '' ELSE strftime('%Y-%m-%dT%H:%M:%S', ${readable(column)} / 1000, 'unixepoch') || printf('.%03dZ', ${readable(column)} % 1000) END`;

/** A license's bound values, `;`-joined in bind order (NULL, so '', when there are none); aggregated once, then quoted. */
const joined = (table: string, column: string) =>
  `(SELECT ${quoted("v")} FROM (SELECT group_concat(${column}, ';' ORDER BY seq) AS v FROM ${table} WHERE license_id = "licenses"."id"))`;

const limit = (name: string) => `coalesce(json_extract("licenses"."policy_overrides", '$.${name}'), '')`;

/** Each CSV column's SQL, keyed by the column: a column added to CSV_COLUMNS fails the type check until it has one here. */
const FIELD_SQL: Record<CsvColumn, string> = {
  key: quoted(`"licenses"."key"`),
  status: `"licenses"."status"`,
  frozen: `CASE "licenses"."frozen" WHEN 1 THEN 'true' ELSE 'false' END`,
  frozenAt: iso(`"licenses"."frozen_at"`),
  expiresAt: iso(`"licenses"."expires_at"`),
  durationDays: `coalesce("licenses"."duration_days", '')`,
  maxHwids: limit("maxHwids"),
  maxIps: limit("maxIps"),
  policy: `CASE WHEN "licenses"."policy_overrides" = '{}' THEN '' ELSE ${quoted(`nullif(json_remove("licenses"."policy_overrides", '$.maxHwids', '$.maxIps'), '{}')`, `"licenses"."policy_overrides"`)} END`,
  hwids: joined("license_hwids", "hwid"),
  ips: joined("license_ips", "ip"),
  note: quoted(`"licenses"."note"`),
  metadata: quoted(`"licenses"."metadata"`),
  endUserId: `coalesce("licenses"."end_user_id", '')`,
  redeemedAt: iso(`"licenses"."redeemed_at"`),
  lastAuthorizedAt: iso(`"licenses"."last_authorized_at"`),
  // Channel names never need quoting or the formula guard (a–z or 0–9 first, no `,` `;` `"`).
  channels: `(SELECT coalesce(group_concat(value, ';'), '') FROM json_each("licenses"."channels"))`,
  updatesUntil: iso(`"licenses"."updates_until"`),
};

const LINE = CSV_COLUMNS.map((column) => FIELD_SQL[column]).join(" || ',' || ");

/** `SELECT last, n, text` for the next batch of CSV lines after `afterId`, in id order. */
export function csvBatchQuery(where: SQL, afterId: string, batchSize: number): SQL {
  return sql`SELECT max(id) AS last, count(*) AS n, coalesce(group_concat(line, ''), '') AS text FROM (
    SELECT "licenses"."id" AS id, ${sql.raw(LINE)} || char(10) AS line
    FROM "licenses"
    INNER JOIN "products" ON "products"."id" = "licenses"."product_id"
    LEFT JOIN "end_users" ON "end_users"."id" = "licenses"."end_user_id"
    WHERE ${where} AND "licenses"."id" > ${afterId}
    ORDER BY "licenses"."id" LIMIT ${batchSize})`;
}
