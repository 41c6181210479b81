import { describe, expect, test } from "bun:test";
import type { AuthorizeLicense, AuthorizeStore } from "../ports/authorize.ts";
import { manualClock } from "../clock.ts";
import { newApiKey } from "../apikeys/key-format.ts";
import { DEFAULT_POLICY } from "../products/policy.ts";
import { EMPTY_CATALOG } from "../versions/catalog.ts";
import { KnownKeyError } from "./signed-call.ts";
import { canonicalRequest, requestSignature } from "./request-signing.ts";
import { inProcessNonceStore } from "./in-process-nonce-store.ts";
import { parseReleaseBody } from "./parse-body.ts";
import { sessionLicenseCall } from "./session-call.ts";

const NOW = Date.UTC(2026, 0, 1);
const PATH = "/v1/licenses/variables";
const SESSION = "01890000-0000-7000-8000-000000000001";

type Session = { revoked: boolean; expiresAt: number; hwid: string | null } | null;

function storeWith(apiKey: ReturnType<typeof newApiKey>, license: Partial<AuthorizeLicense>, session: Session, blacklisted: "HWID" | "IP" | null = null) {
  const writes: string[] = [];
  const full: AuthorizeLicense = {
    id: "lic-1", productId: "prod-1", key: "GG-KEY", status: "active", frozen: false, frozenAt: null,
    expiresAt: null, durationDays: null, channels: ["stable"], updatesUntil: null, hwids: ["machine-1"], ips: [], policy: DEFAULT_POLICY, ...license,
  };
  const store: AuthorizeStore = {
    findKey: async () => ({ id: "key-1", productId: "prod-1", orgId: "org-1", secretHash: apiKey.secretHash, permissions: ["license:authorize"], revoked: false }),
    findLicense: async (_p, key) => (key === full.key ? full : null),
    blacklisted: async () => blacklisted,
    findSession: async () => session,
    countLiveSessions: async () => 0,
    bind: async () => (writes.push("bind"), true),
    startClock: async () => void writes.push("startClock"),
    openSession: async () => (writes.push("openSession"), true),
    releaseSession: async () => (writes.push("releaseSession"), true),
    heartbeat: () => void writes.push("heartbeat"),
    touchLicense: () => void writes.push("touchLicense"),
    appVariables: async () => ({}),
    versionCatalog: async () => EMPTY_CATALOG,
    signingKeyPem: async () => null,
    flush: async () => {},
    countOutcome: () => {},
  };
  return { store, writes };
}

async function call(license: Partial<AuthorizeLicense>, session: Session, blacklisted: "HWID" | "IP" | null = null, licenseKey = "GG-KEY") {
  const apiKey = newApiKey();
  const { store, writes } = storeWith(apiKey, license, session, blacklisted);
  const raw = JSON.stringify({ licenseKey, sessionId: SESSION });
  const timestamp = String(Math.floor(NOW / 1000));
  const nonce = "nonce-session-call-01";
  const request = {
    headers: { apiKey: apiKey.key, timestamp, nonce, signature: requestSignature(apiKey.key, canonicalRequest(timestamp, nonce, "POST", PATH, raw)) },
    pathWithQuery: PATH,
    readBody: async () => raw,
    clientIp: "127.0.0.1",
  };
  try {
    const { answer } = await sessionLicenseCall({ store, nonces: inProcessNonceStore(), clock: manualClock(NOW) }, request, parseReleaseBody, async () => ({ read: true }));
    return { answer, writes };
  } catch (error) {
    throw error instanceof KnownKeyError ? error.error : error;
  }
}

const live = { revoked: false, expiresAt: NOW + 60_000, hwid: "machine-1" };

describe("a session call passes authorize's checks and writes nothing", () => {
  test("a live session of a valid license runs the call, with no binding or heartbeat", async () => {
    expect(await call({}, live)).toEqual({ answer: { read: true }, writes: [] });
  });

  test.each([
    ["a revoked license", { status: "revoked" as const }, live, null, "LICENSE_REVOKED"],
    ["a frozen license (before the session check)", { frozen: true, frozenAt: NOW - 1 }, null, null, "LICENSE_FROZEN"],
    ["an expired license", { expiresAt: NOW }, live, null, "LICENSE_EXPIRED"],
    ["a blacklisted machine", {}, live, "HWID" as const, "HWID_BLACKLISTED"],
    ["a session's machine no longer bound, slots full", { hwids: ["machine-2"] }, live, null, "HWID_MISMATCH"],
    ["an unknown session", {}, null, null, "SESSION_REVOKED"],
    ["an expired session", {}, { ...live, expiresAt: NOW }, null, "SESSION_REVOKED"],
    ["a revoked session", {}, { ...live, revoked: true }, null, "SESSION_REVOKED"],
    ["a live session opened without hwid under binding", {}, { ...live, hwid: null }, null, "HWID_MISMATCH"],
  ])("%s is denied with %s", async (_name, license, session, blacklisted, code) => {
    const { answer, writes } = await call(license, session, blacklisted);
    expect(answer).toMatchObject({ valid: false, code: code as string });
    expect(writes).toEqual([]);
  });

  test("an unknown license key is LICENSE_NOT_FOUND", async () => {
    await expect(call({}, live, null, "GG-OTHER")).rejects.toMatchObject({ code: "LICENSE_NOT_FOUND" });
  });
});
