import { signedHeaders, type SignedAnswer } from "./signed-authorize.ts";

export const RELEASE_PATH = "/v1/licenses/release";

/** POSTs a signed release call (the same headers as authorize, signed over its own path). */
export async function releaseCall(baseUrl: string, apiKey: string, body: object, options: { nonce?: string; path?: string } = {}): Promise<SignedAnswer> {
  const raw = JSON.stringify(body);
  const headers = signedHeaders(apiKey, raw, { path: options.path ?? RELEASE_PATH, ...(options.nonce ? { nonce: options.nonce } : {}) });
  const response = await fetch(`${baseUrl}${RELEASE_PATH}`, { method: "POST", headers, body: raw });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, body: parsed, raw: text, nonce: headers["x-gg-nonce"], signature: response.headers.get("x-gg-response-signature"), headers: response.headers };
}
