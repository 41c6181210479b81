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
