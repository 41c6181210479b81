import { describe, expect, test } from "bun:test";
import { Value } from "@sinclair/typebox/value";
import { FreeText, hasControlCharacter, SingleLine } from "./text.ts";

describe("string rules", () => {
  test("single-line strings refuse every C0 control character and DEL", () => {
    const schema = SingleLine({ maxLength: 10 });
    for (let code = 0; code < 0x20; code += 1) expect(Value.Check(schema, `a${String.fromCharCode(code)}b`)).toBe(false);
    expect(Value.Check(schema, "a\u007fb")).toBe(false);
    expect(Value.Check(schema, "plain é ✓")).toBe(true);
  });
  test("free text keeps TAB, LF and CR and refuses the rest", () => {
    const schema = FreeText();
    expect(Value.Check(schema, "one\r\n\ttwo")).toBe(true);
    expect(Value.Check(schema, "nul\u0000")).toBe(false);
    expect(Value.Check(schema, "bell\u0007")).toBe(false);
  });
  test("a field's own pattern still applies, anchored or not", () => {
    const email = SingleLine({ pattern: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$" });
    expect(Value.Check(email, "a@example.com")).toBe(true);
    expect(Value.Check(email, "a@example.com\u0000zz")).toBe(false);
    expect(Value.Check(email, "not-an-email")).toBe(false);
    const notBlank = SingleLine({ pattern: "\\S" });
    expect(Value.Check(notBlank, "  x  ")).toBe(true);
    expect(Value.Check(notBlank, "   ")).toBe(false);
  });
  test("the parser's quick check agrees", () => {
    expect(hasControlCharacter("hw\u0000x")).toBe(true);
    expect(hasControlCharacter("hw-1")).toBe(false);
  });
});
