export type BlacklistType = "HWID" | "IP";

export interface BlacklistRecord {
  id: string;
  productId: string;
  type: BlacklistType;
  /** HWID as given, or an IP address / CIDR range in normal form (see blacklists/ip-range.ts). */
  value: string;
  /** IP entries: first and last covered address as 32 hex digits; null for HWID entries. */
  rangeStart: string | null;
  rangeEnd: string | null;
  reason: string | null;
  createdAt: number;
}
