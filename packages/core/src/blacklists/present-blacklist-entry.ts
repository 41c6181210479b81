import { toIso } from "../clock.ts";
import type { BlacklistRecord } from "../records/blacklist.ts";

/** The entry as both route families show it; the range bounds are storage detail. */
export function presentBlacklistEntry(entry: BlacklistRecord) {
  return {
    id: entry.id,
    productId: entry.productId,
    type: entry.type,
    value: entry.value,
    reason: entry.reason,
    createdAt: toIso(entry.createdAt),
  };
}
