import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { errorCatalogue } from "@geckoguard/core";

/** `| \`CODE\` | status | cause | fix |` rows of docs/errors.md. */
function documentedCodes(): Map<string, { status: number; cause: string; fix: string }> {
  const rows = new Map<string, { status: number; cause: string; fix: string }>();
  const text = readFileSync(join(import.meta.dir, "../docs/errors.md"), "utf8");
  for (const match of text.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \| (.+?) \| (.+?) \|$/gm)) {
    rows.set(match[1]!, { status: Number(match[2]), cause: match[3]!, fix: match[4]! });
  }
  return rows;
}

describe("docs/errors.md", () => {
  const documented = documentedCodes();

  test("describes every code of the catalogue, with its status, a cause and a fix", () => {
    const problems: string[] = [];
    for (const [code, status] of Object.entries(errorCatalogue)) {
      const row = documented.get(code);
      if (row === undefined) problems.push(`${code}: not documented`);
      else if (row.status !== status) problems.push(`${code}: documented as ${row.status}, the catalogue says ${status}`);
      else if (row.cause.trim().length < 20 || row.fix.trim().length < 20) problems.push(`${code}: cause or fix missing`);
    }
    expect(problems).toEqual([]);
  });

  test("documents no code the server cannot send", () => {
    expect([...documented.keys()].filter((code) => !(code in errorCatalogue))).toEqual([]);
  });
});
