import { createHmac } from "node:crypto";
import { readMachineIdentifier, systemProbe, type HostProbe } from "./hwid-sources.ts";

export interface DeriveHwidOptions {
  /**
   * App-specific salt, e.g. your product id. Different salts give unrelated HWIDs for
   * the same machine, so two vendors cannot link their users by HWID. Keep it fixed
   * for the life of the product: changing it changes every HWID.
   */
  salt?: string;
  /** Replaces parts of the host access; for tests and unusual runtimes. */
  probe?: Partial<HostProbe>;
}

const DEFAULT_SALT = "geckoguard";
const DOMAIN = "geckoguard-hwid-v1\n";

/**
 * A stable HWID for this machine: 64 hex chars, HMAC-SHA256(key = salt, the OS machine
 * identifier). Linux: /etc/machine-id (or dbus's copy, or DMI product_uuid); macOS:
 * IOPlatformUUID; Windows: MachineGuid; FreeBSD: /etc/hostid. The raw identifier never
 * leaves this function. Throws HwidUnavailableError when none can be read.
 */
export async function deriveHwid(options: DeriveHwidOptions = {}): Promise<string> {
  const identifier = await readMachineIdentifier({ ...systemProbe, ...options.probe });
  return hashMachineIdentifier(identifier.value, options.salt ?? DEFAULT_SALT);
}

/** The hashing step alone, for callers that read the identifier themselves. */
export function hashMachineIdentifier(identifier: string, salt: string = DEFAULT_SALT): string {
  return createHmac("sha256", salt)
    .update(DOMAIN + identifier.trim().toLowerCase())
    .digest("hex");
}
