import { StatusMap } from "elysia";
import { assertIdempotencyKey, type GgContext, type IdempotencyClaim } from "@geckoguard/core";
import { keepOutOfCaches } from "./no-store.ts";

const MUTATING = new Set(["POST", "PATCH", "DELETE", "PUT"]);
const rawBodies = new WeakMap<Request, string>();
const claims = new WeakMap<Request, IdempotencyClaim>();
const secretAnswers = new WeakSet<Request>();

interface RequestContext {
  request: Request;
  body: unknown;
  set: { status?: number | string; headers: Record<string, string | number> };
}

/** Called by the body parser when a request carries an Idempotency-Key: the bytes to fingerprint. */
export function keepRawBody(request: Request, text: string): void {
  rawBodies.set(request, text);
}

/**
 * Route transform for answers that carry a secret shown once (tokens, TOTP secrets,
 * recovery codes, API keys, webhook signing secrets): the answer is `Cache-Control:
 * no-store`, and the Idempotency-Key is still checked but the answer is never stored, so
 * no secret sits in the idempotency table for 24 hours.
 */
export function answerHoldsSecret({ request, set }: { request: Request; set: { headers: Record<string, string | number> } }): void {
  secretAnswers.add(request);
  keepOutOfCaches(set);
}

/**
 * Before the handler, once the credential is known (`scope`): claims the request's
 * Idempotency-Key, or answers the stored response with `Idempotent-Replayed: true`, or
 * throws 400/409. Rate limits ran before, so a 429 is never what gets stored.
 */
export async function checkIdempotencyKey(ctx: GgContext, { request, body, set }: RequestContext, scope: string) {
  const key = request.headers.get("idempotency-key");
  if (key === null || !MUTATING.has(request.method)) return;
  // A route that streams its own body (an import) leaves nothing to fingerprint: its
  // answer is not stored either (a repeated import is refused by its duplicate keys).
  const raw = rawBodies.get(request) ?? (body !== undefined ? JSON.stringify(body) : request.body === null ? "" : null);
  if (raw === null || secretAnswers.has(request)) return assertIdempotencyKey(key);
  const url = new URL(request.url);
  const path = url.pathname + url.search;
  const start = await ctx.idempotency.start({ scope, key, method: request.method, path, body: raw });
  if (start.kind === "replay") {
    set.status = start.response.status;
    set.headers["idempotent-replayed"] = "true";
    return start.response.body;
  }
  claims.set(request, start.claim);
}

/** Plain JSON values can be stored; a Response, a stream or a class instance cannot. */
function storable(value: unknown): boolean {
  if (value === null || typeof value !== "object") return value !== undefined;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === Array.prototype;
}

/** After the answer is known (handler or error mapper): stores it for replay or releases the key. */
export async function finishIdempotentRequest(ctx: GgContext, request: Request, status: number | string | undefined, answer: unknown) {
  const claim = claims.get(request);
  if (claim === undefined) return;
  claims.delete(request);
  const code = typeof status === "number" ? status : status === undefined ? 200 : (StatusMap[status as keyof typeof StatusMap] ?? 500);
  await ctx.idempotency.finish(claim, storable(answer) ? { status: code, body: answer } : null);
}
