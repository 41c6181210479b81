import { GgError } from "../errors/gg-error.ts";
import { CsvParseError, CsvParser } from "../csv/csv.ts";
import { limitedTextChunks } from "../streams/limited-text.ts";
import { CSV_COLUMNS, fromCsvFields } from "./portable-license.ts";
import type { ImportItem } from "./import-licenses.ts";

/** The export's CSV, streamed: the header names the columns, each later line is one license. */
export async function* csvImportItems(body: ReadableStream<Uint8Array>, limit: number): AsyncGenerator<ImportItem> {
  const parser = new CsvParser();
  let header: string[] | null = null;
  let line = 0;
  const known = new Set<string>(CSV_COLUMNS);
  const toItems = function* (records: string[][]): Generator<ImportItem> {
    for (const record of records) {
      line += 1;
      if (header === null) {
        header = record.map((h) => h.trim());
        const unknown = header.filter((h) => !known.has(h));
        if (!header.includes("key") || unknown.length > 0) {
          throw new GgError("VALIDATION_ERROR", "The CSV header must name the export's columns and include 'key'", {
            details: unknown.map((h) => ({ path: "row 1", message: `Unknown column '${h}'` })),
          });
        }
        continue;
      }
      if (record.length === 1 && record[0] === "") continue;
      const fields: Record<string, string> = {};
      header.forEach((name, i) => (fields[name] = record[i] ?? ""));
      yield { row: line, item: fromCsvFields(fields) };
    }
  };
  try {
    for await (const text of limitedTextChunks(body, limit)) yield* toItems(parser.push(text));
    yield* toItems(parser.end());
  } catch (error) {
    if (error instanceof CsvParseError) throw new GgError("VALIDATION_ERROR", `Malformed CSV near line ${line + 1}: ${error.message}`);
    throw error;
  }
}

/** `{productId?, licenses:[…]}` items (the JSON export's license objects). */
export async function* jsonImportItems(licenses: unknown[]): AsyncGenerator<ImportItem> {
  for (const [index, item] of licenses.entries()) yield { row: index + 1, item };
}

/** Reads a JSON import body with the import limit; malformed JSON is a 400. */
export async function readJsonImport(body: ReadableStream<Uint8Array>, limit: number): Promise<{ productId?: unknown; licenses?: unknown }> {
  let text = "";
  for await (const chunk of limitedTextChunks(body, limit)) text += chunk;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== "object" || parsed === null || !Array.isArray((parsed as { licenses?: unknown }).licenses)) {
      throw new Error("shape");
    }
    return parsed as { productId?: unknown; licenses: unknown[] };
  } catch {
    throw new GgError("VALIDATION_ERROR", "Expected a JSON body {productId, licenses:[…]}", {
      details: [{ path: "/licenses", message: "Expected an array of licenses" }],
    });
  }
}
