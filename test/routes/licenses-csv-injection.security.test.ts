import { describe, expect, test } from "bun:test";
import { CsvParser, FORMULA_TRIGGERS } from "@geckoguard/core";
import { routeTestSetup } from "../support/test-app.ts";

const t = routeTestSetup();

/** What an end user or a careless vendor may type: each trigger, and a value that already begins with the escape. */
const STARTS = [...FORMULA_TRIGGERS, "'"];
const payload = (start: string) => `${start}cmd|' /C calc'!A0`;

/** HWIDs take the printable triggers; TAB and CR are covered by the notes. */
const portable = STARTS.map((start, i) => ({
  key: `${start === "-" ? "-" : "K"}FORMULA-${i}-XXXXXXXX`,
  note: payload(start),
  hwids: start === "\t" || start === "\r" ? [`hw-${i}`] : [payload(start), "second"],
  metadata: { formula: `${start}1+1` },
}));

async function importInto(productId: string, csv?: string) {
  const path = `/v1/dashboard/orgs/${t.orgId}/licenses/import`;
  const answer =
    csv === undefined
      ? await t.api("POST", path, { token: t.owner, body: { productId, licenses: portable } })
      : await t.api("POST", `${path}?productId=${productId}`, { token: t.owner, rawBody: csv, headers: { "content-type": "text/csv" } });
  expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: { ok: true, data: { imported: portable.length } } });
}

async function exported(productId: string, format: "csv" | "json") {
  const answer = await t.api("GET", `/v1/dashboard/orgs/${t.orgId}/licenses/export?format=${format}&productId=${productId}`, { token: t.owner });
  expect(answer.status).toBe(200);
  return answer.body;
}

/** The licenses as an integrator compares them: everything but ids and row times. */
function comparable(licenses: Record<string, unknown>[]) {
  return licenses.map(({ id: _i, productId: _p, createdAt: _c, updatedAt: _u, ...rest }) => rest).sort((a, b) => String(a.key).localeCompare(String(b.key)));
}

describe("CSV export guards against formula injection and import undoes exactly that", () => {
  test("every cell beginning with =, +, -, @, TAB, CR or an apostrophe is written with one leading apostrophe", async () => {
    await importInto(t.productId);
    const parser = new CsvParser();
    const [header, ...rows] = [...parser.push(String(await exported(t.productId, "csv"))), ...parser.end()];
    const column = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(portable.length);
    for (const license of portable) {
      const row = rows.find((r) => r[column("key")]!.endsWith(license.key))!;
      expect(row[column("note")]).toBe(`'${license.note}`);
      expect(row[column("key")]).toBe(license.key.startsWith("-") ? `'${license.key}` : license.key);
      const hwids = license.hwids.join(";");
      expect(row[column("hwids")]).toBe(hwids.startsWith("hw-") ? hwids : `'${hwids}`);
      for (const cell of row) expect(FORMULA_TRIGGERS.some((trigger) => cell.startsWith(trigger))).toBe(false);
    }
  });

  test("the guarded export re-imports to identical licenses", async () => {
    const target = await t.api("POST", "/v1/dashboard/products", { token: t.owner, body: { orgId: t.orgId, name: "Round trip" } });
    const targetId = target.body.data.product.id as string;
    await importInto(targetId, String(await exported(t.productId, "csv")));
    const source = comparable((await exported(t.productId, "json")).data.licenses);
    expect(comparable((await exported(targetId, "json")).data.licenses)).toEqual(source);
    expect(source.map((l) => l.note).sort()).toEqual(portable.map((l) => l.note).sort());
  });
});
