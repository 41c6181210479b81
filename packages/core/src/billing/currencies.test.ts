import { expect, test } from "bun:test";
import { ISO_4217_CURRENCIES, isCurrency } from "./currencies.ts";

test("every listed code is one the runtime's ICU data knows as a currency", () => {
  const icu = new Set(Intl.supportedValuesOf("currency"));
  expect([...ISO_4217_CURRENCIES].filter((code) => !icu.has(code))).toEqual([]);
});

test("real currencies pass; made-up, lower-case, metal and test codes do not", () => {
  for (const code of ["USD", "EUR", "JPY", "GBP", "CHF"]) expect(isCurrency(code)).toBe(true);
  for (const code of ["ABC", "usd", "XAU", "XTS", "XXX", "HRK", ""]) expect(isCurrency(code)).toBe(false);
});
