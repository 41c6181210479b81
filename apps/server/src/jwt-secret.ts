import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { ConfigError } from "./config.ts";

const FILE_NAME = "jwt-secret";

/**
 * GG_JWT_SECRET when set; otherwise a 256-bit secret generated on first start and kept
 * in the data directory (mode 0600), so a restart does not sign everyone out.
 */
export function loadJwtSecret(configured: string | undefined, dataDir: string): Uint8Array {
  if (configured !== undefined) return new TextEncoder().encode(configured);
  const path = join(dataDir, FILE_NAME);
  try {
    if (existsSync(path)) {
      const stored = readFileSync(path, "utf8").trim();
      if (stored.length < 43) throw new ConfigError(`${path} is damaged (too short); delete it to generate a new secret`);
      return new Uint8Array(Buffer.from(stored, "base64url"));
    }
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32);
    writeFileSync(path, secret.toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
    chmodSync(path, 0o600);
    return new Uint8Array(secret);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if ((error as { code?: string }).code === "EEXIST") return loadJwtSecret(configured, dataDir);
    throw new ConfigError(`GG_DATA_DIR '${dataDir}' is not writable: ${(error as { code?: string }).code ?? "error"}`);
  }
}
