import { generateKeyPairSync } from "node:crypto";

export interface SigningKeyPair {
  /** SPKI PEM, safe to publish. */
  publicKeyPem: string;
  /** PKCS#8 PEM; stays in storage. */
  privateKeyPem: string;
}

/** A fresh Ed25519 key pair for a product's signed authorize answers. */
export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
