import { describe, expect, test } from "bun:test";
import type { AuthorizeLicense, AuthorizeStore } from "../ports/authorize.ts";
import { manualClock } from "../clock.ts";
import { newApiKey } from "../apikeys/key-format.ts";
import { DEFAULT_POLICY } from "../products/policy.ts";
import { EMPTY_CATALOG } from "../versions/catalog.ts";
import { authorizeLicense, KnownKeyError } from "./authorize-license.ts";
import { canonicalRequest, requestSignature } from "./request-signing.ts";
import { inProcessNonceStore } from "./in-process-nonce-store.ts";

const NOW = Date.UTC(2026, 0, 1);
const PATH = "/v1/licenses/authorize";

/**
 * A store whose reads always show a free slot while its guarded writes always lose:
 * what a call sees when other processes keep taking the slot between its read and its
 * write. `calls` counts the guarded writes tried.
 */
function racingStore(apiKey: ReturnType<typeof newApiKey>, losing: { bind: boolean; session: boolean }) {
  const calls = { bind: 0, openSession: 0, outcomes: [] as string[] };
  const license: AuthorizeLicense = {
    id: "lic-1", productId: "prod-1", key: "GG-KEY", status: "active", frozen: false, frozenAt: null,
    expiresAt: null, durationDays: null, channels: ["stable"], updatesUntil: null, hwids: [], ips: [], policy: { ...DEFAULT_POLICY, maxSessions: 2 },
  };
  const store: AuthorizeStore = {
    findKey: async () => ({ id: "key-1", productId: "prod-1", orgId: "org-1", secretHash: apiKey.secretHash, permissions: ["license:authorize"], revoked: false }),
    findLicense: async () => license,
    blacklisted: async () => null,
    findSession: async () => null,
    countLiveSessions: async () => 0,
    bind: async () => (calls.bind++, !losing.bind),
    startClock: async () => {},
    openSession: async () => (calls.openSession++, !losing.session),
    releaseSession: async () => true,
    heartbeat: () => {},
    touchLicense: () => {},
    appVariables: async () => ({}),
    versionCatalog: async () => EMPTY_CATALOG,
    countOutcome: (_productId, outcome) => void calls.outcomes.push(outcome),
    signingKeyPem: async () => null,
    flush: async () => {},
  };
  return { store, calls };
}

function signedRequest(apiKey: string, body: object, nonce: string) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(NOW / 1000));
  return {
    headers: { apiKey, timestamp, nonce, signature: requestSignature(apiKey, canonicalRequest(timestamp, nonce, "POST", PATH, raw)) },
    pathWithQuery: PATH,
    readBody: async () => raw,
    clientIp: "127.0.0.1",
  };
}

async function answerOf(losing: { bind: boolean; session: boolean }, nonce: string) {
  const apiKey = newApiKey();
  const { store, calls } = racingStore(apiKey, losing);
  const deps = { store, nonces: inProcessNonceStore(), clock: manualClock(NOW) };
  try {
    const { answer } = await authorizeLicense(deps, signedRequest(apiKey.key, { licenseKey: "GG-KEY", hwid: "machine-1" }, nonce));
    return { answer, calls };
  } catch (error) {
    throw error instanceof KnownKeyError ? error.error : error;
  }
}

describe("authorize when guarded writes keep losing races", () => {
  test("a session guard that always loses ends in MAX_SESSIONS_REACHED after a bounded number of rounds, never CONFLICT", async () => {
    const { answer, calls } = await answerOf({ bind: false, session: true }, "nonce-session-0001");
    expect(answer).toEqual({ valid: false, code: "MAX_SESSIONS_REACHED", message: "This license allows 2 concurrent session(s)" });
    expect(calls.openSession).toBeGreaterThan(2);
    expect(calls.openSession).toBeLessThanOrEqual(10);
    expect(calls.outcomes).toEqual(["MAX_SESSIONS_REACHED"]); // once per call, not once per round
  });

  test("an HWID guard that always loses ends in HWID_MISMATCH", async () => {
    const { answer, calls } = await answerOf({ bind: true, session: false }, "nonce-binding-0001");
    expect(answer).toMatchObject({ valid: false, code: "HWID_MISMATCH" });
    expect(calls.openSession).toBe(0);
    expect(calls.outcomes).toEqual(["HWID_MISMATCH"]);
  });
});
