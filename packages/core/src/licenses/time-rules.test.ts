import { describe, expect, test } from "bun:test";
import { DAY_MS, extend, freeze, startClock, unfreeze } from "./time-rules.ts";
import { licenseState } from "./state.ts";

const T = Date.UTC(2026, 10, 27);
const running = { frozen: false, frozenAt: null, expiresAt: T + 10 * DAY_MS, durationDays: null };

describe("freeze pauses time", () => {
  test("freeze then unfreeze three days later moves expiry by three days", () => {
    const frozen = { ...running, ...freeze(running, T)! };
    expect(frozen).toMatchObject({ frozen: true, frozenAt: T });
    expect(freeze(frozen, T + 1)).toBeNull();
    const thawed = { ...frozen, ...unfreeze(frozen, T + 3 * DAY_MS)! };
    expect(thawed).toEqual({ frozen: false, frozenAt: null, expiresAt: T + 13 * DAY_MS, durationDays: null });
    expect(unfreeze(thawed, T)).toBeNull();
  });
  test("a frozen license past its old expiry is frozen, not expired, and valid again after unfreeze", () => {
    const frozen = { ...running, status: "active" as const, ...freeze(running, T)! };
    expect(licenseState(frozen, T + 20 * DAY_MS)).toBe("frozen");
    const thawed = { ...frozen, ...unfreeze(frozen, T + 20 * DAY_MS)! };
    expect(licenseState(thawed, T + 20 * DAY_MS)).toBe("valid");
    expect(licenseState(thawed, T + 30 * DAY_MS)).toBe("expired");
  });
  test("a perpetual license stays perpetual through a freeze", () => {
    const perpetual = { ...running, expiresAt: null };
    const frozen = { ...perpetual, ...freeze(perpetual, T)! };
    expect(unfreeze(frozen, T + DAY_MS)!.expiresAt).toBeNull();
  });
});

describe("derived state precedence", () => {
  test.each([
    [{ status: "revoked", frozen: true, expiresAt: T - 1 }, "revoked"],
    [{ status: "active", frozen: true, expiresAt: T - 1 }, "frozen"],
    [{ status: "active", frozen: false, expiresAt: T }, "expired"],
    [{ status: "active", frozen: false, expiresAt: T + 1 }, "valid"],
    [{ status: "active", frozen: false, expiresAt: null }, "valid"],
  ] as const)("%p → %s", (license, state) => {
    expect(licenseState(license, T)).toBe(state);
  });
});

describe("extend and the duration clock", () => {
  test("extend adds to a running clock, to an unstarted duration, and leaves perpetual alone", () => {
    expect(extend(running, 5)).toEqual({ expiresAt: T + 15 * DAY_MS });
    expect(extend({ ...running, expiresAt: null, durationDays: 30 }, 5)).toEqual({ durationDays: 35 });
    expect(extend({ ...running, expiresAt: null }, 5)).toBeNull();
  });
  test("the duration clock starts once", () => {
    const unstarted = { ...running, expiresAt: null, durationDays: 30 };
    expect(startClock(unstarted, T)).toEqual({ expiresAt: T + 30 * DAY_MS });
    expect(startClock(running, T)).toBeNull();
    expect(startClock({ ...running, expiresAt: null }, T)).toBeNull();
  });
});

describe("arithmetic stays within 1970 … 9999", () => {
  const lastDay = Date.parse("9999-12-31T00:00:00.000Z");
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return null;
    } catch (error) {
      return { code: (error as { code?: string }).code, path: (error as { details?: { path: string }[] }).details?.[0]?.path };
    }
  };
  test("extending past 9999-12-31 is a 400 naming /days; up to it is fine", () => {
    expect(codeOf(() => extend({ ...running, expiresAt: lastDay }, 1))).toEqual({ code: "VALIDATION_ERROR", path: "/days" });
    expect(extend({ ...running, expiresAt: lastDay - DAY_MS }, 1)).toEqual({ expiresAt: lastDay });
  });
  test("a not-yet-started duration cannot pass 36500 days", () => {
    const unstarted = { ...running, expiresAt: null, durationDays: 36000 };
    expect(extend(unstarted, 500)).toEqual({ durationDays: 36500 });
    expect(codeOf(() => extend(unstarted, 501))).toEqual({ code: "VALIDATION_ERROR", path: "/days" });
  });
  test("an unfreeze that would pass 9999-12-31 is a 400 naming /expiresAt", () => {
    const frozen = { frozen: true, frozenAt: T, expiresAt: lastDay, durationDays: null };
    expect(codeOf(() => unfreeze(frozen, T + DAY_MS))).toEqual({ code: "VALIDATION_ERROR", path: "/expiresAt" });
  });
  test("a duration's clock never starts past the range, even from a stored duration beyond the maximum", () => {
    expect(startClock({ ...running, expiresAt: null, durationDays: 10 ** 9 }, T)).toEqual({ expiresAt: Date.parse("9999-12-31T23:59:59.999Z") });
  });
});
