import { describe, expect, test } from "bun:test";
import { CELL_ESCAPE, FORMULA_TRIGGERS, neutralizeCell, restoreCell } from "./formula-guard.ts";

describe("CSV formula guard", () => {
  test.each([...FORMULA_TRIGGERS])("a cell beginning with %j gets a leading apostrophe and comes back unchanged", (trigger) => {
    const value = `${trigger}HYPERLINK("http://evil.test","x")`;
    expect(neutralizeCell(value)).toBe(`'${value}`);
    expect(restoreCell(neutralizeCell(value))).toBe(value);
  });

  test("a value that already begins with an apostrophe is escaped too, so the rule reverses", () => {
    for (const value of ["'", "'=1+1", "''x", "'plain"]) {
      expect(neutralizeCell(value)).toBe(CELL_ESCAPE + value);
      expect(restoreCell(neutralizeCell(value))).toBe(value);
    }
  });

  test("other cells pass through both ways", () => {
    for (const value of ["", "GG-ABCDE", "hw=1", "a-b", " =padded", "{\"a\":\"=1\"}", "1.5"]) {
      expect(neutralizeCell(value)).toBe(value);
      expect(restoreCell(value)).toBe(value);
    }
  });
});
