import { GgError, limitedTextChunks, payloadTooLarge } from "@geckoguard/core";

/** CONTRACT §1: bodies over 1 MiB are refused unless a route allows more. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;


/** Refuses early on a declared Content-Length over the limit, before reading anything. */
export function assertDeclaredLength(request: Request, limit: number): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw payloadTooLarge(limit);
}

/** Reads the body as text, stopping as soon as it passes `limit` bytes (chunked bodies too). */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  assertDeclaredLength(request, limit);
  // A declared length within the limit bounds what the server will read: take the fast path.
  if (request.headers.get("content-length") !== null) return request.text();
  if (request.body === null) return "";
  let text = "";
  for await (const chunk of limitedTextChunks(request.body, limit)) text += chunk;
  return text;
}

/**
 * JSON body parser with the size limit; malformed JSON is a 400 VALIDATION_ERROR.
 * `onText` sees the raw text first (the Idempotency-Key fingerprint needs its bytes).
 */
export async function parseJsonBody(request: Request, limit: number, onText?: (text: string) => void): Promise<unknown> {
  const text = await readBodyText(request, limit);
  onText?.(text);
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new GgError("VALIDATION_ERROR", "Malformed request body: expected valid JSON");
  }
}
