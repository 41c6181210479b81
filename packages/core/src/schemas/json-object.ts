import { GgError } from "../errors/gg-error.ts";

/**
 * A request body's JSON, which is always an object in this API: malformed JSON, or JSON
 * that is not an object (an array would pass a schema whose fields are all optional), is a
 * 400 VALIDATION_ERROR. Every JSON route and the signed authorize/release bodies use it.
 */
export function parseJsonObject(raw: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new GgError("VALIDATION_ERROR", "Malformed request body: expected valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new GgError("VALIDATION_ERROR", "Expected a JSON object", { details: [{ path: "/", message: "Expected object" }] });
  }
  return body as Record<string, unknown>;
}
