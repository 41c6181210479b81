import { randomBytes } from "node:crypto";

/** URL-safe random string carrying `bytes` bytes of CSPRNG entropy. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

export { randomBytes };
