import { describe, expect, test } from "bun:test";
import { matchTotpStep, newTotpSecret, totpCodeAt, totpUri } from "./totp.ts";

const T0 = Date.UTC(2026, 10, 27, 10, 0, 0);

describe("TOTP window", () => {
  const secret = newTotpSecret();

  test("accepts the current code and the neighbouring steps, refuses two steps away", async () => {
    const code = await totpCodeAt(secret, T0);
    const step = Math.floor(T0 / 1000 / 30);
    expect(await matchTotpStep(secret, code, T0, null)).toBe(step);
    expect(await matchTotpStep(secret, code, T0 + 30_000, null)).toBe(step);
    expect(await matchTotpStep(secret, code, T0 - 30_000, null)).toBe(step);
    expect(await matchTotpStep(secret, code, T0 + 60_000, null)).toBeNull();
    expect(await matchTotpStep(secret, code, T0 - 60_000, null)).toBeNull();
  });

  test("a step at or before the last accepted one is refused (no replay)", async () => {
    const code = await totpCodeAt(secret, T0);
    const step = Math.floor(T0 / 1000 / 30);
    expect(await matchTotpStep(secret, code, T0, step)).toBeNull();
    expect(await matchTotpStep(secret, code, T0, step - 1)).toBe(step);
  });

  test("malformed codes never match", async () => {
    expect(await matchTotpStep(secret, "12345", T0, null)).toBeNull();
    expect(await matchTotpStep(secret, "abcdef", T0, null)).toBeNull();
  });

  test("the otpauth URI names the issuer and the account", () => {
    const uri = totpUri(secret, "a@example.com");
    expect(uri).toStartWith("otpauth://totp/");
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=GeckoGuard");
  });
});
