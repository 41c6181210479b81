import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CLIENT_CODES, CODES_BY_KIND, FAILURE_KINDS } from "./errors.ts";

/** The README's result table says what each result means: it must list exactly the SDK's own kinds and codes. */

function resultTable(): Map<string, string[]> {
  const readme = readFileSync(join(import.meta.dir, "..", "README.md"), "utf8");
  const lines = readme.split("\n");
  const header = lines.findIndex((line) => line.startsWith("| `kind` | codes |"));
  if (header < 0) throw new Error("README.md has no result table (a row starting with | `kind` | codes |)");
  const table = new Map<string, string[]>();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith("|")) break;
    const [, kindCell = "", codesCell = ""] = line.split("|");
    const kind = /^\s*`([a-z]+)`\s*$/.exec(kindCell)?.[1];
    if (kind === undefined) throw new Error(`unreadable kind cell: ${kindCell}`);
    // Codes are the backticked UPPER_CASE words; parenthesised notes may name options like `baseUrl`.
    const codes = [...codesCell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!);
    table.set(kind, codes);
  }
  return table;
}

test("the README's result table lists exactly the exported kinds, in order", () => {
  expect([...resultTable().keys()]).toEqual([...FAILURE_KINDS]);
});

test("each kind's row lists exactly the codes the SDK gives that kind", () => {
  const table = resultTable();
  for (const kind of FAILURE_KINDS) expect({ kind, codes: [...(table.get(kind) ?? [])].sort() }).toEqual({ kind, codes: [...CODES_BY_KIND[kind]].sort() });
});

test("every code the client itself produces has a kind", () => {
  const classified = new Set(FAILURE_KINDS.flatMap((kind) => CODES_BY_KIND[kind]));
  for (const code of CLIENT_CODES) expect(classified.has(code)).toBe(true);
});
