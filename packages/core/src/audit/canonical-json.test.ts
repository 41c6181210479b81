import { describe, expect, test } from "bun:test";
import { canonicalJson } from "./canonical-json.ts";

describe("canonicalJson", () => {
  test("sorts keys at every depth and leaves out whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: "x" }], c: true } })).toBe('{"a":{"c":true,"d":[3,{"y":"x","z":null}]},"b":1}');
  });

  test("renders values as JSON.stringify does", () => {
    for (const value of ["é\u2028\"\\\n", 1e21, -0, 0.1 + 0.2, null, false, [], {}]) expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  test("orders keys by UTF-16 code units (uppercase before lowercase)", () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, "é": 4 })).toBe('{"B":2,"a":3,"b":1,"é":4}');
  });
});
