import { createPrivateKey, sign, type KeyObject } from "node:crypto";

/**
 * Ed25519 over `nonce + "\n" + rawBody` with the product's key, base64url (docs/authentication.md#the-answer-signature):
 * a client holding the product's public key rejects forged or replayed answers.
 */
export function signResponse(privateKey: KeyObject, nonce: string, rawBody: string): string {
  return sign(null, Buffer.from(`${nonce}\n${rawBody}`), privateKey).toString("base64url");
}

/** Parsed signing keys by product; PEM parsing costs more than the signature itself. */
export class SigningKeyCache {
  private readonly keys = new Map<string, KeyObject>();

  /** The cached key; on a miss, `loadPem` is awaited once and the parsed key kept. */
  async get(productId: string, loadPem: () => Promise<string | null>): Promise<KeyObject | null> {
    let key = this.keys.get(productId);
    if (key === undefined) {
      const pem = await loadPem();
      if (pem === null) return null;
      key = createPrivateKey(pem);
      this.keys.set(productId, key);
    }
    return key;
  }
}
