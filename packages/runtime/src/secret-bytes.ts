/** Below this the JWT secret is refused: HS256 keys shorter than the hash are guessable. */
export const MIN_SECRET_BYTES = 32;

/** The JWT secret as bytes: text is taken as UTF-8; either form must hold at least 32 bytes. */
export function secretBytes(secret: string | Uint8Array): Uint8Array {
  const bytes = typeof secret === "string" ? new TextEncoder().encode(secret) : secret;
  if (!(bytes instanceof Uint8Array) || bytes.length < MIN_SECRET_BYTES) {
    const got = bytes instanceof Uint8Array ? `${bytes.length} bytes` : typeof secret;
    throw new Error(`jwtSecret must be at least ${MIN_SECRET_BYTES} bytes (got ${got}): use a long random text, e.g. \`openssl rand -base64 32\``);
  }
  return bytes;
}
