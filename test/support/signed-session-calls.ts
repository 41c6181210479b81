import { signedHeaders, type SignedAnswer } from "./signed-authorize.ts";

export const VARIABLES_PATH = "/v1/licenses/variables";
export const LATEST_VERSION_PATH = "/v1/licenses/versions/latest";

/** POSTs a signed call to `path` (the same headers as authorize, signed over that path). */
export async function signedCall(baseUrl: string, apiKey: string, path: string, body: object, options: { nonce?: string } = {}): Promise<SignedAnswer> {
  const raw = JSON.stringify(body);
  const headers = signedHeaders(apiKey, raw, { path, ...(options.nonce ? { nonce: options.nonce } : {}) });
  const response = await fetch(`${baseUrl}${path}`, { method: "POST", headers, body: raw });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, body: parsed, raw: text, nonce: headers["x-gg-nonce"], signature: response.headers.get("x-gg-response-signature"), headers: response.headers };
}
