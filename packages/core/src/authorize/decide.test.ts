import { describe, expect, test } from "bun:test";
import { decideAuthorization, type DecisionInput } from "./decide.ts";
import { DEFAULT_POLICY } from "../products/policy.ts";

const NOW = Date.UTC(2026, 10, 27, 12);
const base: DecisionInput = {
  license: { status: "active", frozen: false, frozenAt: null, expiresAt: null, durationDays: null, hwids: ["hw-1"], ips: [] },
  policy: { ...DEFAULT_POLICY, hwidBinding: "on", maxHwids: 1, ipBinding: "on", maxIps: 1, maxSessions: 2 },
  blacklisted: null,
  hwid: "hw-1",
  ip: "10.0.0.1",
  liveSessions: 0,
  now: NOW,
};
const withLicense = (license: Partial<DecisionInput["license"]>): Partial<DecisionInput> => ({ license: { ...base.license, ...license } });

/** [case, overrides, expected code or "allow"] — each row also checks the precedence above it. */
const table: [string, Partial<DecisionInput>, string][] = [
  ["valid", {}, "allow"],
  ["revoked beats everything", { ...withLicense({ status: "revoked", frozen: true, expiresAt: NOW - 1 }), blacklisted: "HWID", hwid: "other" }, "LICENSE_REVOKED"],
  ["frozen beats expired", { ...withLicense({ frozen: true, expiresAt: NOW - 1 }), blacklisted: "IP" }, "LICENSE_FROZEN"],
  ["expired at the exact instant", { ...withLicense({ expiresAt: NOW }), blacklisted: "HWID" }, "LICENSE_EXPIRED"],
  ["one ms before expiry is valid", withLicense({ expiresAt: NOW + 1 }), "allow"],
  ["blacklisted HWID beats a mismatch", { blacklisted: "HWID", hwid: "other" }, "HWID_BLACKLISTED"],
  ["blacklisted IP", { blacklisted: "IP" }, "IP_BLACKLISTED"],
  ["missing hwid under binding", { hwid: undefined }, "VALIDATION_ERROR"],
  ["new HWID with slots full", { hwid: "hw-2" }, "HWID_MISMATCH"],
  ["HWID mismatch beats IP mismatch", { hwid: "hw-2", ...withLicense({ ips: ["10.9.9.9"] }) }, "HWID_MISMATCH"],
  ["new IP with slots full", withLicense({ ips: ["10.9.9.9"] }), "IP_MISMATCH"],
  ["IP mismatch beats the session cap", { ...withLicense({ ips: ["10.9.9.9"] }), liveSessions: 5 }, "IP_MISMATCH"],
  ["session cap reached", { liveSessions: 2 }, "MAX_SESSIONS_REACHED"],
  ["heartbeat of a revoked session", { session: { revoked: true, expiresAt: NOW + 1000 } }, "SESSION_REVOKED"],
  ["heartbeat of an expired session", { session: { revoked: false, expiresAt: NOW } }, "SESSION_REVOKED"],
  ["heartbeat of an unknown session", { session: null }, "SESSION_REVOKED"],
  ["heartbeat ignores the cap", { session: { revoked: false, expiresAt: NOW + 1000 }, liveSessions: 2 }, "allow"],
  ["binding off ignores hwid and ip", { policy: { ...base.policy, hwidBinding: "off", ipBinding: "off" }, hwid: undefined, ...withLicense({ ips: ["1.1.1.1"] }) }, "allow"],
];

describe("authorize decision (precedence of docs/authorize.md#order-of-checks)", () => {
  test.each(table)("%s", (_name, overrides, expected) => {
    const decision = decideAuthorization({ ...base, ...overrides });
    expect(decision.allow ? "allow" : decision.code).toBe(expected);
  });

  test("first sight binds while slots remain, and a known value binds nothing", () => {
    const fresh = decideAuthorization({ ...base, ...withLicense({ hwids: [], ips: [] }) });
    expect(fresh).toMatchObject({ allow: true, bindHwid: "hw-1", bindIp: "10.0.0.1", session: "open" });
    const known = decideAuthorization({ ...base, ...withLicense({ ips: ["10.0.0.1"] }) });
    expect(known).toMatchObject({ allow: true, bindHwid: null, bindIp: null });
  });

  test("the first successful call starts a duration license's clock; a denied one does not", () => {
    const unstarted = withLicense({ durationDays: 30, expiresAt: null });
    expect(decideAuthorization({ ...base, ...unstarted })).toMatchObject({ allow: true, expiresAt: NOW + 30 * 86_400_000 });
    expect(decideAuthorization({ ...base, ...unstarted, hwid: "hw-2" })).toMatchObject({ allow: false, code: "HWID_MISMATCH" });
    expect(decideAuthorization(base)).toMatchObject({ allow: true, expiresAt: null });
  });
});
