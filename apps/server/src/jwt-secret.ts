import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { ConfigError, errorCode } from "./config-error.ts";

const FILE_NAME = "jwt-secret";

/** The stored secret, or null when there is none yet. */
function readStored(path: string): Uint8Array | null {
  let stored: string;
  try {
    stored = readFileSync(path, "utf8").trim();
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw new ConfigError(`Cannot read ${path} (${errorCode(error)}); check GG_DATA_DIR`);
  }
  if (stored.length < 43) throw new ConfigError(`${path} is damaged (too short); delete it to generate a new secret`);
  return new Uint8Array(Buffer.from(stored, "base64url"));
}

/** Writes a new secret; null when another process created the file first. */
function createStored(path: string): Uint8Array | null {
  const secret = randomBytes(32);
  try {
    writeFileSync(path, secret.toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if (errorCode(error) === "EEXIST") return null;
    throw new ConfigError(`GG_DATA_DIR '${dirname(path)}' is not writable (${errorCode(error)})`);
  }
  chmodSync(path, 0o600);
  return new Uint8Array(secret);
}

/**
 * GG_JWT_SECRET when set; otherwise a 256-bit secret generated on first start and kept
 * in the data directory (mode 0600), so a restart does not sign everyone out. The data
 * directory must exist (see data-dir.ts). Of two processes starting together, the
 * second reads the secret the first wrote.
 */
export function loadJwtSecret(configured: string | undefined, dataDir: string): Uint8Array {
  if (configured !== undefined) return new TextEncoder().encode(configured);
  const path = join(dataDir, FILE_NAME);
  const secret = readStored(path) ?? createStored(path) ?? readStored(path);
  if (secret === null) throw new ConfigError(`${path} vanished while starting; start again`);
  return secret;
}
