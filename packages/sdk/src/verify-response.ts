import { KeyObject, createPublicKey, sign, verify, type JsonWebKeyInput } from "node:crypto";
import { LicenseClientConfigError } from "./errors.ts";

/**
 * Answer signatures (docs/authentication.md#the-answer-signature): base64url Ed25519 over `nonce + "\n" + rawBody`,
 * made with the product's key. Binding the request's nonce is what makes a recorded
 * "valid" answer useless for any other request.
 */

/** The product's `publicKey`: SPKI PEM, a JWK (object or JSON text), or a KeyObject. */
export type ProductPublicKey = string | Jwk | KeyObject;
/** A JSON Web Key, e.g. `{ kty: "OKP", crv: "Ed25519", x: "…" }`. */
export type Jwk = JsonWebKeyInput["key"];

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const ED25519_SIGNATURE_BYTES = 64;

/** Parses and checks the key once; throws LicenseClientConfigError on anything but Ed25519 public. */
export function loadProductPublicKey(input: ProductPublicKey): KeyObject {
  const key = toKeyObject(input);
  if (key.type !== "public" || key.asymmetricKeyType !== "ed25519") {
    throw new LicenseClientConfigError(
      `productPublicKey must be an Ed25519 public key, got ${key.asymmetricKeyType ?? "unknown"} ${key.type}`,
    );
  }
  return key;
}

function toKeyObject(input: ProductPublicKey): KeyObject {
  if (input instanceof KeyObject) return input;
  // A private key would verify fine but must never ship inside an app: refuse it.
  const text = typeof input === "string" ? input.trim() : "";
  if (text.includes("PRIVATE KEY") || (typeof input === "object" && "d" in input)) {
    throw new LicenseClientConfigError("productPublicKey is a private key; ship only the public key");
  }
  try {
    if (typeof input === "object") return createPublicKey({ key: input, format: "jwk" });
    if (text.startsWith("{")) return createPublicKey({ key: JSON.parse(text) as Jwk, format: "jwk" });
    return createPublicKey(text);
  } catch (cause) {
    throw new LicenseClientConfigError("productPublicKey is not a readable SPKI PEM or JWK", { cause });
  }
}

/** The signed bytes: UTF-8 nonce, a newline, then the body bytes unchanged. */
export function responseSigningPayload(nonce: string, body: string | Uint8Array): Buffer {
  const bodyBytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
  return Buffer.concat([Buffer.from(`${nonce}\n`, "utf8"), bodyBytes]);
}

export interface ResponseToVerify {
  publicKey: KeyObject;
  /** The nonce the request carried, never one taken from the answer. */
  nonce: string;
  body: string | Uint8Array;
  /** X-GG-Response-Signature, or null when absent. */
  signature: string | null;
}

/** True only for a well-formed signature that verifies; false for anything else. */
export function verifyResponseSignature(r: ResponseToVerify): boolean {
  if (r.signature === null || !BASE64URL.test(r.signature)) return false;
  const sig = Buffer.from(r.signature, "base64url");
  if (sig.length !== ED25519_SIGNATURE_BYTES) return false;
  try {
    return verify(null, responseSigningPayload(r.nonce, r.body), r.publicKey, sig);
  } catch {
    return false;
  }
}

/** The server's side, for fakes and tests: base64url Ed25519 signature of an answer. */
export function signResponse(privateKey: KeyObject | string, nonce: string, body: string | Uint8Array): string {
  return sign(null, responseSigningPayload(nonce, body), privateKey).toString("base64url");
}
