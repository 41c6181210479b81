import { createPrivateKey, sign, type KeyObject } from "node:crypto";

/**
 * Ed25519 over `nonce + "\n" + rawBody` with the product's key, base64url (CONTRACT §6):
 * a client holding the product's public key rejects forged or replayed answers.
 */
export function signResponse(privateKey: KeyObject, nonce: string, rawBody: string): string {
  return sign(null, Buffer.from(`${nonce}\n${rawBody}`), privateKey).toString("base64url");
}

/** Parsed signing keys by product; PEM parsing costs more than the signature itself. */
export class SigningKeyCache {
  private readonly keys = new Map<string, KeyObject>();

  get(productId: string, loadPem: () => string | null): KeyObject | null {
    let key = this.keys.get(productId);
    if (key === undefined) {
      const pem = loadPem();
      if (pem === null) return null;
      key = createPrivateKey(pem);
      this.keys.set(productId, key);
    }
    return key;
  }
}
