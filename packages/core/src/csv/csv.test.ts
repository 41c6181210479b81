import { describe, expect, test } from "bun:test";
import { CsvParser, CsvParseError, formatCsvRow } from "./csv.ts";

function parseAll(text: string, chunk = 3): string[][] {
  const parser = new CsvParser();
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...parser.push(text.slice(i, i + chunk)));
  return [...out, ...parser.end()];
}

describe("CSV", () => {
  test("round-trips awkward fields whatever the chunking", () => {
    const rows = [
      ["key", "note", "metadata"],
      ["GG-1", 'say "hi", then\nleave', '{"a":[1,2]}'],
      ["GG-2", "", " padded "],
    ];
    const text = rows.map(formatCsvRow).join("");
    for (const chunk of [1, 2, 5, 1000]) expect(parseAll(text, chunk)).toEqual(rows);
  });
  test("CRLF line ends and a missing final newline", () => {
    expect(parseAll("a,b\r\nc,d")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });
  test("malformed quoting is an error", () => {
    expect(() => parseAll('a,"b')).toThrow(CsvParseError);
    expect(() => parseAll('a,b"c\n')).toThrow(CsvParseError);
  });
});
