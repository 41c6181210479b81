import { interpretAnswer, interpretReleaseAnswer, type AuthorizeResult, type RawAnswer, type ReleaseResult, type SessionHandle } from "./answer.ts";
import { failure, LicenseClientConfigError, type AuthorizeFailure } from "./errors.ts";
import { sessionKeeper } from "./session-keeper.ts";
import { AUTHORIZE_PATH, HEADER_RESPONSE_SIGNATURE, newNonce, RELEASE_PATH, signedRequestHeaders } from "./signing.ts";
import { interpretLatestVersionAnswer, interpretVariablesAnswer, LATEST_VERSION_PATH, VARIABLES_PATH, type UpdateCheckOptions, type UpdateCheckResult, type VariablesResult } from "./app-data.ts";
import { loadProductPublicKey, verifyResponseSignature, type ProductPublicKey } from "./verify-response.ts";

/** The subset of `fetch` the client uses, so any compatible implementation fits. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface LicenseClientOptions {
  /** Server root, e.g. `https://licensing.example.com` or `https://host/licensing`. */
  baseUrl: string;
  /** An API key with the `license:authorize` scope. */
  apiKey: string;
  /** The product's `publicKey` (SPKI PEM or JWK) that verifies every answer. */
  productPublicKey: ProductPublicKey;
  fetch?: FetchLike;
  /** Milliseconds since the epoch; defaults to Date.now. */
  clock?: { now(): number };
  /** Whole-call limit (connect, send, read the answer); default 10 000 ms. */
  timeoutMs?: number;
  /**
   * Where `start` keeps the session across launches (a small JSON file: the server, the
   * license key's SHA-256, the session id and its expiry). Default: `session-<hash>.json`
   * in the user's state directory under `geckoguard/` (see the README).
   */
  stateFile?: string;
}

export interface AuthorizeInput {
  licenseKey: string;
  hwid?: string;
  appVersion?: string;
  /**
   * The machine's name as its user knows it (1–100 characters, no control characters),
   * shown beside the bound HWID in the license's `devices`.
   */
  deviceName?: string;
  /** The machine's platform, e.g. `${process.platform}-${process.arch}` (1–64 characters, no control characters). */
  devicePlatform?: string;
}

export interface LicenseClient {
  /**
   * Resumes the session the last launch saved in `stateFile` (a heartbeat), or opens one
   * when there is none or the server refuses it; saves the session for the next launch.
   */
  start(input: AuthorizeInput): Promise<AuthorizeResult>;
  /** Releases the session `start` holds and removes the state file; null when none is held. */
  close(): Promise<ReleaseResult | null>;
  /** Opens a session. Resolves to a result value; never rejects for a server or network outcome. */
  authorize(input: AuthorizeInput): Promise<AuthorizeResult>;
  /** Extends the session of a previous success (`result.handle`); keeps `stateFile` current for the session `start` holds. */
  heartbeat(session: SessionHandle): Promise<AuthorizeResult>;
  /** Ends a session (`result.handle`) so its slot is free at once; ending one that already ended answers the same. */
  release(session: SessionHandle): Promise<ReleaseResult>;
  /**
   * The license's app variables (docs/variables.md), all or only `names`, for the session
   * `start` holds (or `session`). Throws LicenseClientConfigError when there is none.
   */
  variables(names?: string[], session?: SessionHandle): Promise<VariablesResult>;
  /**
   * The newest version of the license's channels (docs/versions.md), for the session
   * `start` holds (or `session`), compared with `currentVersion` (default: the session's
   * appVersion). Throws LicenseClientConfigError when there is no session or version.
   */
  checkForUpdate(options?: UpdateCheckOptions & { session?: SessionHandle }): Promise<UpdateCheckResult>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createLicenseClient(options: LicenseClientOptions): LicenseClient {
  const url = signedUrl(options.baseUrl, AUTHORIZE_PATH);
  const releaseUrl = signedUrl(options.baseUrl, RELEASE_PATH);
  const variablesUrl = signedUrl(options.baseUrl, VARIABLES_PATH);
  const latestVersionUrl = signedUrl(options.baseUrl, LATEST_VERSION_PATH);
  if (typeof options.apiKey !== "string" || options.apiKey === "") {
    throw new LicenseClientConfigError("apiKey is required");
  }
  if (options.stateFile !== undefined && (typeof options.stateFile !== "string" || options.stateFile === "")) {
    throw new LicenseClientConfigError("stateFile must be a non-empty path");
  }
  const apiKey = options.apiKey;
  const publicKey = loadProductPublicKey(options.productPublicKey);
  const fetchImpl: FetchLike = options.fetch ?? ((u, init) => fetch(u, init));
  const clock = options.clock ?? { now: () => Date.now() };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new LicenseClientConfigError("timeoutMs must be a positive number");
  }

  /** One signed POST; the verified answer, or the failure that left none. */
  async function call(target: URL, body: object): Promise<RawAnswer | AuthorizeFailure> {
    const bytes = encoder.encode(JSON.stringify(body));
    const nonce = newNonce(); // fresh per call: the answer's signature is bound to it
    const timestamp = Math.floor(clock.now() / 1000);
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/json",
      ...signedRequestHeaders(apiKey, { timestamp, nonce, path: target.pathname + target.search, body: bytes }),
    };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    let raw: Uint8Array;
    try {
      response = await fetchImpl(target.href, { method: "POST", headers, body: bytes, signal: controller.signal });
      raw = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      if (controller.signal.aborted) return failure("TIMEOUT", `no complete answer within ${timeoutMs} ms`);
      return failure("NETWORK_ERROR", `request failed: ${describe(error)}`);
    } finally {
      clearTimeout(timer);
    }
    const signatureHeader = response.headers.get(HEADER_RESPONSE_SIGNATURE);
    const signatureValid = verifyResponseSignature({ publicKey, nonce, body: raw, signature: signatureHeader });
    return { status: response.status, body: decoder.decode(raw), signatureHeader, signatureValid, retryAfter: response.headers.get("Retry-After") };
  }
  const failed = (answer: RawAnswer | AuthorizeFailure): answer is AuthorizeFailure => "ok" in answer;

  async function authorizeCall(body: object, request: RequestFields): Promise<AuthorizeResult> {
    const answer = await call(url, body);
    return failed(answer) ? answer : interpretAnswer(answer, request, clock.now());
  }
  const calls = {
    authorize(input: AuthorizeInput) {
      const request = requestFields(input);
      return authorizeCall(request, request);
    },
    heartbeat(session: SessionHandle) {
      const request = requestFields(session);
      return authorizeCall({ ...request, sessionId: session.sessionId }, request);
    },
    async release(session: SessionHandle): Promise<ReleaseResult> {
      const answer = await call(releaseUrl, { licenseKey: session.licenseKey, sessionId: session.sessionId });
      return failed(answer) ? answer : interpretReleaseAnswer(answer, clock.now());
    },
  };
  const keeper = sessionKeeper(calls, { server: url.href, ...(options.stateFile !== undefined ? { stateFile: options.stateFile } : {}) });
  const sessionOf = (given: SessionHandle | undefined): SessionHandle => {
    const session = given ?? keeper.held();
    if (session === null) throw new LicenseClientConfigError("no session: call start() first, or pass the handle of an authorize result");
    return session;
  };
  async function variables(names?: string[], given?: SessionHandle): Promise<VariablesResult> {
    const { licenseKey, sessionId } = sessionOf(given);
    const answer = await call(variablesUrl, { licenseKey, sessionId, ...(names !== undefined ? { names } : {}) });
    return failed(answer) ? answer : interpretVariablesAnswer(answer, clock.now());
  }
  async function checkForUpdate(check: UpdateCheckOptions & { session?: SessionHandle } = {}): Promise<UpdateCheckResult> {
    const { licenseKey, sessionId, appVersion } = sessionOf(check.session);
    const currentVersion = check.currentVersion ?? appVersion;
    if (currentVersion === undefined) throw new LicenseClientConfigError("checkForUpdate needs currentVersion, or a session started with appVersion");
    const answer = await call(latestVersionUrl, { licenseKey, sessionId, currentVersion, ...(check.channel !== undefined ? { channel: check.channel } : {}) });
    return failed(answer) ? answer : interpretLatestVersionAnswer(answer, clock.now());
  }
  return { ...calls, start: keeper.start, close: keeper.close, heartbeat: keeper.heartbeat, variables, checkForUpdate };
}

/** `<baseUrl><path>`; the base's path prefix is kept (and signed). */
function signedUrl(baseUrl: string, path: string): URL {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new LicenseClientConfigError(`baseUrl is not a URL: ${baseUrl}`);
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new LicenseClientConfigError("baseUrl must be http(s)");
  }
  if (base.search !== "" || base.hash !== "") {
    throw new LicenseClientConfigError("baseUrl must not carry a query string or fragment");
  }
  return new URL(base.pathname.replace(/\/+$/, "") + path, base.origin);
}

type RequestFields = Omit<SessionHandle, "sessionId">;

/** Copies only the fields the caller gave, so the signed body has no `undefined` noise. */
function requestFields(input: AuthorizeInput): RequestFields {
  const fields: RequestFields = { licenseKey: input.licenseKey };
  if (input.hwid !== undefined) fields.hwid = input.hwid;
  if (input.appVersion !== undefined) fields.appVersion = input.appVersion;
  if (input.deviceName !== undefined) fields.deviceName = input.deviceName;
  if (input.devicePlatform !== undefined) fields.devicePlatform = input.devicePlatform;
  return fields;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return error.message + cause;
}
