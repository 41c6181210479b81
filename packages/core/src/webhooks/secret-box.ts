import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Encrypts endpoint signing secrets at rest. They cannot be hashed (the worker needs
 * them to sign), so they are sealed with AES-256-GCM under a key that lives outside the
 * database; a copy of the database alone does not reveal them. Each sealed value is
 * bound to its endpoint id (additional data), so it cannot be moved to another row.
 */
export interface SecretBox {
  seal(plaintext: string, boundTo: string): string;
  /** null when the value was not sealed with this key (key changed) or was tampered with. */
  open(sealed: string, boundTo: string): string | null;
}

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The box keyed by HKDF-SHA256 of the server's root secret, so it needs no key of its own. */
export function aesGcmSecretBox(rootSecret: Uint8Array): SecretBox {
  const key = Buffer.from(hkdfSync("sha256", rootSecret, "geckoguard", "webhook endpoint secrets v1", 32));
  return {
    seal(plaintext, boundTo) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(Buffer.from(boundTo));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
    },
    open(sealed, boundTo) {
      const [version, payload] = sealed.split(".");
      if (version !== VERSION || payload === undefined) return null;
      const bytes = Buffer.from(payload, "base64url");
      if (bytes.length < IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(boundTo));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
      } catch {
        return null;
      }
    },
  };
}
