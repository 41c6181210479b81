import { expect, test } from "bun:test";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from "./recovery-codes.ts";

test("ten distinct well-formed codes whose hash ignores case and dashes", () => {
  const codes = newRecoveryCodes();
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  for (const code of codes) {
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(looksLikeRecoveryCode(code)).toBe(true);
    expect(hashRecoveryCode(code.toLowerCase().replace("-", " "))).toBe(hashRecoveryCode(code));
  }
  expect(looksLikeRecoveryCode("123456")).toBe(false);
});
