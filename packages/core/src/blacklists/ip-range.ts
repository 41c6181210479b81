import { MAX_ADDRESS, V4_MAPPED_BASE, formatAddress, parseAddress, toHex128, type ParsedAddress } from "./ip-address.ts";

/** An IP blacklist value in normal form with the first and last address it covers. */
export interface IpRange {
  /** `1.2.3.4`, `10.0.0.0/8`, `2001:db8::/32`: host bits cleared, a full-length prefix dropped. */
  value: string;
  /** 32 hex digits of the first / last address (IPv4 in its mapped form). */
  rangeStart: string;
  rangeEnd: string;
}

export type IpRangeResult = { ok: true; range: IpRange } | { ok: false; reason: string };

const PREFIX_DIGITS = /^(0|[1-9][0-9]{0,2})$/;

function invalid(reason: string): IpRangeResult {
  return { ok: false, reason };
}

/**
 * Parses `address` or `address/prefix`, IPv4 or IPv6. An IPv4-mapped network with a
 * prefix of at least 96 (`::ffff:10.0.0.0/104`) is the IPv4 network (`10.0.0.0/8`).
 * Host bits are cleared (`10.1.2.3/8` → `10.0.0.0/8`) so one range has one spelling and
 * duplicates are caught by the unique index.
 */
export function parseIpRange(input: string): IpRangeResult {
  const text = input.trim();
  const slash = text.indexOf("/");
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const address = parseAddress(addressText);
  if (address === null) return invalid("Not an IPv4 or IPv6 address (or CIDR range)");

  // Prefix length counted in the 128-bit space, whatever the family.
  let prefix128 = 128;
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1);
    if (!PREFIX_DIGITS.test(prefixText)) return invalid("The prefix length after '/' must be a whole number");
    const written = Number(prefixText);
    const writtenAsV4 = !addressText.includes(":");
    const max = writtenAsV4 ? 32 : 128;
    if (written > max) return invalid(`A prefix length must be between 0 and ${max}`);
    prefix128 = writtenAsV4 ? written + 96 : written;
  }

  const hostMask = MAX_ADDRESS >> BigInt(prefix128);
  const start = address.value & ~hostMask & MAX_ADDRESS;
  const end = start | hostMask;
  const family: ParsedAddress["family"] = prefix128 >= 96 && start >= V4_MAPPED_BASE && end <= (V4_MAPPED_BASE | 0xffffffffn) ? 4 : 6;
  const shownPrefix = family === 4 ? prefix128 - 96 : prefix128;
  const base = formatAddress({ family, value: start });
  return {
    ok: true,
    range: {
      value: prefix128 === 128 ? base : `${base}/${shownPrefix}`,
      rangeStart: toHex128(start),
      rangeEnd: toHex128(end),
    },
  };
}
