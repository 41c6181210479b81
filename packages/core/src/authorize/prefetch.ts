import type { AuthorizeKey, AuthorizeStore } from "../ports/authorize.ts";
import { apiKeyPrefix } from "../apikeys/key-format.ts";
import { parseAuthorizeBody } from "./parse-body.ts";
import type { DecisionView, DecisionViewRequest } from "./decision-view.ts";
import type { AuthorizeInput } from "./schemas.ts";

export interface Prefetched {
  key: AuthorizeKey | null;
  /** Absent when it was not loaded (unknown or revoked key, unreadable body). */
  view?: DecisionView | null;
  /** The body as read up front, or its error, for the step that reads it in CONTRACT order. */
  readBody: () => Promise<string>;
  /** The body as parsed up front, when it was valid (an invalid one is reported at its own step). */
  input?: AuthorizeInput;
}

/**
 * With a store that answers the API key and the decision view in one call (one round
 * trip to its thread), the body is read first and both are asked for together. Nothing
 * is decided here: authorizeLicense still runs every check in CONTRACT §6 order on what
 * was read, so answers are the same; only reads happen early, and they change nothing.
 */
export async function prefetchAuthorize(
  store: AuthorizeStore,
  request: { headers: { apiKey?: string }; readBody: () => Promise<string> },
  ipHex: string | null,
  now: number,
): Promise<Prefetched | null> {
  const prefix = request.headers.apiKey ? apiKeyPrefix(request.headers.apiKey) : null;
  if (store.prefetchAuthorize === undefined || prefix === null) return null;
  const body = await request.readBody().then(
    (text) => ({ ok: true as const, text }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  let hint: DecisionViewRequest | null = null;
  let input: AuthorizeInput | undefined;
  if (body.ok) {
    try {
      input = parseAuthorizeBody(body.text);
      hint = { licenseKey: input.licenseKey, hwid: input.hwid, ipHex, sessionId: input.sessionId };
    } catch {
      // Reported at its own step; without a hint only the key is read.
    }
  }
  const { key, view } = await store.prefetchAuthorize(prefix, hint, now);
  return {
    key,
    ...(view !== undefined ? { view } : {}),
    ...(input !== undefined ? { input } : {}),
    readBody: () => (body.ok ? Promise.resolve(body.text) : Promise.reject(body.error)),
  };
}
