import fc from "fast-check";
import type { JsonSchema } from "./route-schemas.ts";

/** Strings a validator or a database might trip on: empty, huge, controls, Unicode edges, SQL and path text. */
const NASTY_STRINGS = [
  "", " ", "\u0000", "a\u0000b", "\t\r\n", "\u007f", "\u202e", "\ud800", "💥".repeat(3), "'; DROP TABLE licenses; --",
  "\" OR 1=1 --", "../../etc/passwd", "%00", "=HYPERLINK(\"x\")", "null", "NaN", "-1", "1e309", "x".repeat(5000),
  "+275760-09-13T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "2026-02-30T00:00:00Z",
];
const BOUNDARY_NUMBERS = [0, -1, 1, 0.5, -0, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 36500, 36501, 1000, 1001];

const anyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 40, unit: "binary" }));
const anyJson = fc.oneof(anyString, fc.constantFrom(...BOUNDARY_NUMBERS), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 }));

/** Instants at and past the edges JavaScript, SQLite and ISO-8601 can hold. */
const EDGE_DATES = ["+275760-09-13T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "9999-12-31T23:00:00-05:00", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z"];

/** Ids the fuzzer may draw besides random UUIDs: the tenant's real rows, so use cases run past "not found". */
export interface IdPool {
  ids: string[];
}

function stringFor(schema: JsonSchema, pool: IdPool): fc.Arbitrary<string> {
  const lengths = [schema.minLength, schema.maxLength].filter((n): n is number => n !== undefined);
  const atBounds = lengths.flatMap((n) => [n - 1, n, n + 1]).filter((n) => n >= 0 && n < 100_000).map((n) => "a".repeat(n));
  const uuids = pool.ids.length > 0 ? [fc.uuid(), fc.constantFrom(...pool.ids)] : [fc.uuid()];
  const dates = [fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom(...EDGE_DATES)];
  const formats = schema.format === "uuid" ? uuids : schema.format === "date-time" ? dates : [];
  const enums = (schema.enum ?? []).filter((v): v is string => typeof v === "string");
  return fc.oneof(...formats, ...(enums.length > 0 ? [fc.constantFrom(...enums)] : []), ...(atBounds.length > 0 ? [fc.constantFrom(...atBounds)] : []), anyString);
}

function numberFor(schema: JsonSchema): fc.Arbitrary<number> {
  const edges = [schema.minimum, schema.maximum].filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n, n + 1]);
  return fc.oneof(fc.constantFrom(...BOUNDARY_NUMBERS, ...edges), fc.integer(), fc.double({ noNaN: true }));
}

/**
 * Values shaped by a route's JSON Schema, mostly valid-looking, often at a boundary, and
 * sometimes of the wrong type altogether, so the validator, the use case and the
 * database each get a turn.
 */
export function valueFor(schema: JsonSchema | undefined, pool: IdPool = { ids: [] }, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined || depth > 4) return anyJson;
  const shaped = shapedFor(schema, pool, depth);
  return fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: anyJson, weight: 1 });
}

function shapedFor(schema: JsonSchema, pool: IdPool, depth: number): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((branch) => valueFor(branch, pool, depth + 1)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  switch (schema.type) {
    case "string":
      return stringFor(schema, pool);
    case "number":
    case "integer":
      return numberFor(schema);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valueFor(schema.items, pool, depth + 1), { maxLength: 4 });
    case "object": {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, child]) => [name, valueFor(child, pool, depth + 1)]));
      return fc.record(properties, { requiredKeys: [] });
    }
    default:
      return anyJson;
  }
}

/** Query values as text: schema-shaped values printed, plus arbitrary strings. */
export function queryValueFor(schema: JsonSchema, pool?: IdPool): fc.Arbitrary<string> {
  return valueFor(schema, pool).map((value) => (typeof value === "string" ? value : JSON.stringify(value) ?? ""));
}

/** Header values the Fetch API can carry (no NUL, CR or LF): printable ASCII and a few odd bytes. */
export const headerValue = fc.oneof(
  fc.string({ maxLength: 300, unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom("", " ", "\u0001", "x\u0001y", "\u007f", "é", "a".repeat(256)),
);
