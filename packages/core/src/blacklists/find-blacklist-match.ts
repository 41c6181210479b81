import type { Store } from "../ports/store.ts";
import type { BlacklistRecord } from "../records/blacklist.ts";
import { ipToHex } from "./ip-address.ts";

/**
 * For the authorize path: the product's entry that blocks this client, or null. `ip` is
 * the client address as the socket (or a trusted proxy) gives it; `::ffff:1.2.3.4` counts
 * as `1.2.3.4`. An HWID match wins over an IP match. No query when there is nothing to test.
 */
export async function findBlacklistMatch(
  store: Pick<Store, "blacklists">,
  productId: string,
  client: { hwid?: string; ip?: string },
): Promise<BlacklistRecord | null> {
  const ipHex = client.ip === undefined ? undefined : (ipToHex(client.ip) ?? undefined);
  if (client.hwid === undefined && ipHex === undefined) return null;
  return store.blacklists.findMatch(productId, {
    ...(client.hwid !== undefined ? { hwid: client.hwid } : {}),
    ...(ipHex !== undefined ? { ipHex } : {}),
  });
}

/** The denial code for a matched entry (docs/errors.md#license-decisions-authorize). */
export function blacklistDenialCode(entry: Pick<BlacklistRecord, "type">): "HWID_BLACKLISTED" | "IP_BLACKLISTED" {
  return entry.type === "HWID" ? "HWID_BLACKLISTED" : "IP_BLACKLISTED";
}
