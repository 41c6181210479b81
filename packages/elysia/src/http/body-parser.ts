import { limitedTextChunks, parseJsonObject, payloadTooLarge } from "@geckoguard/core";

/** Bodies over 1 MiB are refused unless a route allows more (PAYLOAD_TOO_LARGE in docs/errors.md). */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads the body as text, stopping as soon as it passes `limit` bytes (chunked bodies too).
 * A declared Content-Length over the limit is refused before anything is read; one within
 * it bounds what the server will read, so the whole body is taken at once.
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (Number(declared) > limit) throw payloadTooLarge(limit);
    return request.text();
  }
  if (request.body === null) return "";
  let text = "";
  for await (const chunk of limitedTextChunks(request.body, limit)) text += chunk;
  return text;
}

/**
 * JSON body parser with the size limit; malformed JSON, or JSON that is not an object, is a
 * 400 VALIDATION_ERROR.
 * `onText` sees the raw text first (the Idempotency-Key fingerprint needs its bytes).
 */
export async function parseJsonBody(request: Request, limit: number, onText?: (text: string) => void): Promise<unknown> {
  const text = await readBodyText(request, limit);
  onText?.(text);
  if (text.trim() === "") return undefined;
  return parseJsonObject(text);
}
