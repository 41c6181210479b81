import { createPublicKey, randomBytes, verify } from "node:crypto";
import { canonicalRequest, requestSignature } from "@geckoguard/core";
import type { Api } from "./http-client.ts";
import { orgWithProduct, signUp } from "./accounts.ts";
import { issueApiKey } from "./api-keys.ts";

export interface SignedAnswer {
  status: number;
  body: any;
  raw: string;
  nonce: string;
  signature: string | null;
  headers: Headers;
}

/** Headers of a correctly signed authorize request (docs/authentication.md#signing-an-authorize-request). */
export function signedHeaders(apiKey: string, rawBody: string, options: { nonce?: string; timestamp?: number; path?: string } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(18).toString("base64url");
  const signature = requestSignature(apiKey, canonicalRequest(timestamp, nonce, "POST", options.path ?? "/v1/licenses/authorize", rawBody));
  return { "content-type": "application/json", "x-api-key": apiKey, "x-gg-timestamp": timestamp, "x-gg-nonce": nonce, "x-gg-signature": signature };
}

/** POSTs a signed authorize call; `tamper` may change headers or body after signing. */
export async function authorizeCall(
  baseUrl: string,
  apiKey: string,
  body: object,
  tamper: (request: { headers: Record<string, string>; raw: string }) => void = () => {},
): Promise<SignedAnswer> {
  const request = { raw: JSON.stringify(body), headers: {} as Record<string, string> };
  request.headers = signedHeaders(apiKey, request.raw);
  tamper(request);
  const response = await fetch(`${baseUrl}/v1/licenses/authorize`, { method: "POST", headers: request.headers, body: request.raw });
  const raw = await response.text();
  let parsed: unknown = raw;
  try {
    parsed = JSON.parse(raw);
  } catch {}
  return { status: response.status, body: parsed, raw, nonce: request.headers["x-gg-nonce"] ?? "", signature: response.headers.get("x-gg-response-signature"), headers: response.headers };
}

/** Whether `answer` carries a valid Ed25519 signature over `nonce` + "\n" + its raw body. */
export function answerVerifies(publicKeyPem: string, nonce: string, raw: string, signature: string | null): boolean {
  if (signature === null) return false;
  return verify(null, Buffer.from(`${nonce}\n${raw}`), createPublicKey(publicKeyPem), Buffer.from(signature, "base64url"));
}

/**
 * An owner (signed up now, or the one given: a server that lets only its first account
 * sign up), a product with `policy`, licenses, and a license:authorize key.
 */
export async function authorizeFixture(api: Api, policy: object = {}, licenses = 1, existingOwner?: Awaited<ReturnType<typeof signUp>>) {
  const owner = existingOwner ?? (await signUp(api));
  const { orgId, productId } = await orgWithProduct(api, owner.token);
  const product = await api("PATCH", `/v1/dashboard/products/${productId}`, { token: owner.token, body: { policy } });
  const created = await api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, count: licenses } });
  const { key } = await issueApiKey(api, owner.token, productId, ["license:authorize"]);
  return {
    owner,
    orgId,
    productId,
    publicKey: product.body.data.product.publicKey as string,
    licenses: created.body.data.licenses as { id: string; key: string }[],
    apiKey: key,
  };
}
