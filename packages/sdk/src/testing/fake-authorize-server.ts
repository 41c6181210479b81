import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import {
  AUTHORIZE_PATH,
  RELEASE_PATH,
  HEADER_API_KEY,
  HEADER_NONCE,
  HEADER_RESPONSE_SIGNATURE,
  HEADER_SIGNATURE,
  HEADER_TIMESTAMP,
  isValidNonce,
  requestSignatureMatches,
} from "../signing.ts";
import { signResponse } from "../verify-response.ts";

/**
 * A stand-in for POST /v1/licenses/authorize (and /release) that applies the docs/authorize.md checks in
 * order and signs its answers, so the client can be tested end to end on loopback.
 * Bun-only test support: not part of the built package.
 */

export interface FakeLicense {
  id: string;
  status: "active" | "revoked";
  expiresAt: string | null;
  /** A denial code this license answers with (403), e.g. LICENSE_FROZEN. */
  deny?: string;
  /** Answer 429 RATE_LIMITED with this Retry-After. */
  retryAfterSeconds?: number;
}

export interface ReceivedRequest {
  path: string;
  headers: Headers;
  body: Uint8Array;
}

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface FakeAuthorizeServer {
  /** Base URL to give the client (includes the path prefix). */
  baseUrl: string;
  port: number;
  publicKey: KeyObject;
  requests: ReceivedRequest[];
  answers: Answer[];
  /** Rewrites an answer after it is signed: tampering, replay, stripping. */
  rewrite: ((answer: Answer, index: number, request: ReceivedRequest) => Answer) | null;
  /** Signs a body as the product would, for answers a test builds itself. */
  sign(nonce: string, body: string): string;
  /** When set, requests are held until the server stops (timeout tests). */
  hang: boolean;
  killSession(id: string): void;
  stop(): Promise<void>;
}

export interface FakeServerOptions {
  apiKey: string;
  licenses: Record<string, FakeLicense>;
  pathPrefix?: string;
  now?: () => number;
}

const SKEW_SECONDS = 300;
const SESSION_TTL_MS = 300_000;

export function startFakeAuthorizeServer(options: FakeServerOptions): FakeAuthorizeServer {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const now = options.now ?? Date.now;
  const endpoint = (options.pathPrefix ?? "") + AUTHORIZE_PATH;
  const releaseEndpoint = (options.pathPrefix ?? "") + RELEASE_PATH;
  const seenNonces = new Set<string>();
  const sessions = new Map<string, { licenseKey: string; killed: boolean }>();
  const held: Array<() => void> = [];

  const json = (status: number, payload: unknown, nonce: string | null, extra: Record<string, string> = {}) => {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = { "content-type": "application/json", ...extra };
    if (nonce !== null) headers[HEADER_RESPONSE_SIGNATURE] = signResponse(privateKey, nonce, body);
    return { status, body, headers };
  };
  const error = (status: number, code: string, nonce: string | null, extra?: Record<string, string>) =>
    json(status, { ok: false, error: { message: `fake: ${code}`, code } }, nonce, extra);

  function decide(path: string, headers: Headers, body: Uint8Array): Answer {
    if (path !== endpoint && path !== releaseEndpoint) return error(404, "NOT_FOUND", null);
    if (headers.get(HEADER_API_KEY) !== options.apiKey) return error(401, "UNAUTHORIZED", null);
    const nonce = headers.get(HEADER_NONCE) ?? "";
    const timestamp = headers.get(HEADER_TIMESTAMP) ?? "";
    const signature = headers.get(HEADER_SIGNATURE);
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Number(timestamp) - now() / 1000) > SKEW_SECONDS) {
      return error(401, "TIMESTAMP_OUT_OF_RANGE", nonce);
    }
    if (signature === null || !requestSignatureMatches(options.apiKey, { timestamp, nonce, path, body }, signature)) {
      return error(401, "INVALID_SIGNATURE", nonce);
    }
    if (!isValidNonce(nonce)) return error(400, "VALIDATION_ERROR", nonce);
    if (seenNonces.has(nonce)) return error(401, "NONCE_REUSED", nonce);
    seenNonces.add(nonce);
    const input = parseBody(body);
    if (input === null) return error(400, "VALIDATION_ERROR", nonce);
    const license = options.licenses[input.licenseKey];
    if (license?.retryAfterSeconds !== undefined) {
      return error(429, "RATE_LIMITED", nonce, { "retry-after": String(license.retryAfterSeconds) });
    }
    if (!license) return error(404, "LICENSE_NOT_FOUND", nonce);
    if (path === releaseEndpoint) {
      // Release: any state of the license may end one of its own sessions, once or again.
      const session = input.sessionId === undefined ? undefined : sessions.get(input.sessionId);
      if (session === undefined || session.licenseKey !== input.licenseKey) return error(403, "SESSION_REVOKED", nonce);
      session.killed = true;
      return json(200, { ok: true, data: { released: true } }, nonce);
    }
    if (license.deny) return error(403, license.deny, nonce);
    let sessionId = input.sessionId ?? randomUUID();
    if (input.sessionId !== undefined) {
      const session = sessions.get(input.sessionId);
      if (!session || session.killed || session.licenseKey !== input.licenseKey) return error(403, "SESSION_REVOKED", nonce);
    } else {
      sessions.set(sessionId, { licenseKey: input.licenseKey, killed: false });
    }
    const { deny: _deny, retryAfterSeconds: _retry, ...shown } = license;
    const session = { id: sessionId, expiresAt: new Date(now() + SESSION_TTL_MS).toISOString() };
    return json(200, { ok: true, data: { valid: true, license: shown, session } }, nonce);
  }

  const fake: FakeAuthorizeServer = {
    baseUrl: "",
    port: 0,
    publicKey,
    requests: [],
    answers: [],
    rewrite: null,
    hang: false,
    sign: (nonce, body) => signResponse(privateKey, nonce, body),
    killSession(id) {
      const session = sessions.get(id);
      if (session) session.killed = true;
    },
    async stop() {
      for (const release of held.splice(0)) release();
      await server.stop(true);
    },
  };

  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    async fetch(request) {
      const url = new URL(request.url);
      const path = url.pathname + url.search;
      const body = new Uint8Array(await request.arrayBuffer());
      const received = { path, headers: request.headers, body };
      fake.requests.push(received);
      if (fake.hang) await new Promise<void>((resolve) => held.push(resolve));
      let answer = decide(path, request.headers, body);
      if (fake.rewrite) answer = fake.rewrite(answer, fake.answers.length, received);
      fake.answers.push(answer);
      return new Response(answer.body, { status: answer.status, headers: answer.headers });
    },
  });
  fake.port = server.port ?? 0;
  fake.baseUrl = `http://127.0.0.1:${fake.port}${options.pathPrefix ?? ""}`;
  return fake;
}

function parseBody(body: Uint8Array): { licenseKey: string; sessionId?: string } | null {
  try {
    const input = JSON.parse(new TextDecoder().decode(body)) as { licenseKey?: unknown; sessionId?: unknown };
    if (typeof input.licenseKey !== "string") return null;
    if (input.sessionId !== undefined && typeof input.sessionId !== "string") return null;
    return input as { licenseKey: string; sessionId?: string };
  } catch {
    return null;
  }
}
