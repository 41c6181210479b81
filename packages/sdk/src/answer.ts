import { failure, type AuthorizeFailure } from "./errors.ts";

/** Turns signed answers (their signature already checked) into typed results. */

export interface LicenseInfo {
  id: string;
  status: string;
  expiresAt: string | null;
  /** Any further license fields the server sends. */
  [field: string]: unknown;
}

export interface UpdateInfo {
  latest: string | null;
  available: boolean;
  required: false;
}

export interface SessionInfo {
  id: string;
  expiresAt: string;
}

/** Everything `heartbeat` needs to extend a session. */
export interface SessionHandle {
  licenseKey: string;
  sessionId: string;
  hwid?: string;
  appVersion?: string;
  deviceName?: string;
  devicePlatform?: string;
}

export interface Authorized {
  ok: true;
  valid: true;
  license: LicenseInfo;
  session: SessionInfo;
  /** When the call reported `appVersion`: the newest version of the license's channels and whether it may install a newer one. */
  update?: UpdateInfo;
  /** Pass to `client.heartbeat()` to extend this session. */
  handle: SessionHandle;
}

export type AuthorizeResult = Authorized | AuthorizeFailure;

/** The server ended the session (or it had already ended). */
export interface Released {
  ok: true;
  released: true;
}

export type ReleaseResult = Released | AuthorizeFailure;

export interface RawAnswer {
  status: number;
  body: string;
  signatureHeader: string | null;
  signatureValid: boolean;
  retryAfter: string | null;
}

/**
 * What every signed call's answer shares: the signature check, the envelope, error codes
 * and Retry-After. `success` reads a verified 2xx answer's `data` (null when the envelope
 * is not `{ok:true,data:{…}}`).
 */
export function interpretSigned<T>(answer: RawAnswer, nowMs: number, success: (data: Record<string, unknown> | null, status: number) => T | AuthorizeFailure): T | AuthorizeFailure {
  const json = parseJson(answer.body);
  if (!answer.signatureValid) return unverified(answer, json);
  const status = answer.status;
  if (!isRecord(json)) return failure("INVALID_RESPONSE", "answer is not a JSON object", { status });
  if (status >= 200 && status < 300) return success(json.ok === true && isRecord(json.data) ? json.data : null, status);
  const error = json.ok === false && isRecord(json.error) ? json.error : null;
  if (!error || typeof error.code !== "string" || typeof error.message !== "string") {
    return failure("INVALID_RESPONSE", `HTTP ${status} answer without an error envelope`, { status });
  }
  const retryAfterSeconds = status === 429 ? parseRetryAfter(answer.retryAfter, nowMs) : null;
  return failure(error.code, error.message, { status, retryAfterSeconds });
}

/** Turns an authorize answer into a typed result. */
export function interpretAnswer(answer: RawAnswer, request: Omit<SessionHandle, "sessionId">, nowMs: number): AuthorizeResult {
  return interpretSigned<Authorized>(answer, nowMs, (data, status) => {
    if (!data || data.valid !== true || !isLicense(data.license) || !isSession(data.session)) {
      return failure("INVALID_RESPONSE", "success answer lacks valid, license or session", { status });
    }
    const session = { id: data.session.id, expiresAt: data.session.expiresAt };
    const update = isUpdate(data.update) ? { update: { latest: data.update.latest, available: data.update.available, required: false as const } } : {};
    return { ok: true, valid: true, license: data.license, session, ...update, handle: { ...request, sessionId: session.id } };
  });
}

/** Turns a release answer into a typed result. */
export function interpretReleaseAnswer(answer: RawAnswer, nowMs: number): ReleaseResult {
  return interpretSigned<Released>(answer, nowMs, (data, status) =>
    data?.released === true ? { ok: true, released: true } : failure("INVALID_RESPONSE", "success answer lacks released: true", { status }),
  );
}

/**
 * An answer whose signature is missing or does not verify. Only an unknown or revoked API
 * key gets an unsigned error from the server itself (there is no product to sign with), so
 * an unsigned 401 UNAUTHORIZED is an integration failure; an unsigned 429 or 5xx is a
 * server or proxy in trouble (retry); another unsigned 4xx is a wrong baseUrl or a proxy's
 * refusal (rejected). Anything else — a bad signature, or a success without one — cannot
 * be trusted, and never counts as a grant.
 */
function unverified(answer: RawAnswer, json: unknown): AuthorizeFailure {
  const claimed = isRecord(json) && isRecord(json.error) && typeof json.error.code === "string" ? json.error.code : null;
  const { status } = answer;
  const said = claimed ? ` (it claimed ${status} ${claimed})` : ` (HTTP ${status})`;
  const extra = { status, claimedCode: claimed };
  if (answer.signatureHeader === null && status >= 400) {
    if (status === 401 && claimed === "UNAUTHORIZED") {
      return failure("UNAUTHORIZED", "the server does not know this API key, or it was revoked: check the apiKey option (an API key of this product with the license:authorize scope)", extra);
    }
    if (status === 429 || status >= 500) return failure("UNSIGNED_SERVER_ERROR", `unsigned error answer from the server or a proxy in front of it${said}: try again later`, extra);
    return failure("UNSIGNED_REJECTION", `unsigned error answer${said}: check baseUrl and any proxy in front of the server`, extra);
  }
  const why =
    answer.signatureHeader === null
      ? "answer carries no X-GG-Response-Signature"
      : "X-GG-Response-Signature does not verify for this request (forged, tampered or replayed answer, or wrong productPublicKey)";
  return failure("RESPONSE_SIGNATURE_INVALID", why + said, extra);
}

/** Delay-seconds per RFC 9110, or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isLicense(value: unknown): value is LicenseInfo {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    typeof value.status === "string" &&
    (value.expiresAt === null || typeof value.expiresAt === "string")
  );
}

function isUpdate(value: unknown): value is UpdateInfo {
  return isRecord(value) && (value.latest === null || typeof value.latest === "string") && typeof value.available === "boolean";
}

function isSession(value: unknown): value is SessionInfo {
  return isRecord(value) && typeof value.id === "string" && typeof value.expiresAt === "string";
}
