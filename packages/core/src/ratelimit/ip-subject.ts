import { formatIpv4, formatIpv6, parseAddress } from "../blacklists/ip-address.ts";

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const LOW_64_BITS = (1n << 64n) - 1n;

/**
 * What a per-IP bucket counts: an IPv4 address whole (an IPv4-mapped one as its IPv4),
 * an IPv6 address by its /64, the block one subscriber usually holds, so rotating through
 * it buys no extra requests. Anything that is not an address counts as itself.
 */
export function ipBucketSubject(ip: string): string {
  if (IPV4.test(ip)) return ip; // the common case, without parsing
  const parsed = parseAddress(ip.split("%")[0]!.trim());
  if (parsed === null) return ip;
  if (parsed.family === 4) return formatIpv4(parsed.value);
  return `${formatIpv6(parsed.value & ~LOW_64_BITS)}/64`;
}
