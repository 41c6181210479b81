import { V4_MAPPED_BASE, isV4Mapped, parseAddress } from "../blacklists/ip-address.ts";
import { parseIpRange } from "../blacklists/ip-range.ts";

/**
 * Which IP addresses a webhook may be sent to: only globally reachable unicast ones.
 * Loopback, private, link-local, shared (CGNAT), documentation, benchmarking, multicast
 * and reserved ranges are refused, in IPv4 and IPv6 alike, and an IPv6 address that
 * embeds an IPv4 one (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96) is judged by the
 * IPv4 address inside it. Ranges from the IANA special-purpose address registries;
 * parsing is the blacklists' (one 128-bit space, IPv4 in its mapped form).
 */

/** IPv4 ranges that are not globally reachable. */
const V4_NON_PUBLIC = [
  "0.0.0.0/8", // "this network"
  "10.0.0.0/8", // private
  "100.64.0.0/10", // shared address space (CGNAT)
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local (cloud metadata lives here)
  "172.16.0.0/12", // private
  "192.0.0.0/24", // IETF protocol assignments
  "192.0.2.0/24", // documentation
  "192.88.99.0/24", // 6to4 relay anycast
  "192.168.0.0/16", // private
  "198.18.0.0/15", // benchmarking
  "198.51.100.0/24", // documentation
  "203.0.113.0/24", // documentation
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, broadcast
];

/** IPv6 ranges refused inside global unicast 2000::/3 (everything outside it is refused). */
const V6_NON_PUBLIC_IN_GLOBAL = [
  "2001:db8::/32", // documentation
  "2001::/23", // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  "2002::/16", // 6to4: tunnels to an arbitrary IPv4 address
  "3fff::/20", // documentation (RFC 9637)
];

function bounds(cidr: string): [bigint, bigint] {
  const parsed = parseIpRange(cidr);
  if (!parsed.ok) throw new Error(`bad built-in range ${cidr}`);
  return [BigInt(`0x${parsed.range.rangeStart}`), BigInt(`0x${parsed.range.rangeEnd}`)];
}

const V4_BLOCKED = V4_NON_PUBLIC.map(bounds);
const V6_BLOCKED = V6_NON_PUBLIC_IN_GLOBAL.map(bounds);
const [GLOBAL_UNICAST_START, GLOBAL_UNICAST_END] = bounds("2000::/3");
const [NAT64_START, NAT64_END] = bounds("64:ff9b::/96");
const LOW_32_BITS = 0xffffffffn;

const within = (value: bigint, ranges: [bigint, bigint][]) => ranges.some(([start, end]) => value >= start && value <= end);

/** Whether a webhook may be delivered to this address (text, v4 or v6, brackets allowed). Unparseable → false. */
export function isPublicAddress(text: string): boolean {
  const parsed = parseAddress(text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text);
  if (parsed === null) return false;
  let value = parsed.value;
  if (value >= NAT64_START && value <= NAT64_END) value = V4_MAPPED_BASE | (value & LOW_32_BITS);
  if (isV4Mapped(value)) return !within(value, V4_BLOCKED);
  return value >= GLOBAL_UNICAST_START && value <= GLOBAL_UNICAST_END && !within(value, V6_BLOCKED);
}

const [V4_LOOPBACK_START, V4_LOOPBACK_END] = bounds("127.0.0.0/8");
const V6_LOOPBACK = 1n;

/** 127.0.0.0/8 (also IPv4-mapped) or ::1: this machine, never another host on its network. */
export function isLoopbackAddress(text: string): boolean {
  const parsed = parseAddress(text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text);
  if (parsed === null) return false;
  return parsed.value === V6_LOOPBACK || (parsed.value >= V4_LOOPBACK_START && parsed.value <= V4_LOOPBACK_END);
}

/** Whether the text is an IP address literal (a URL host that needs no DNS). */
export function isIpLiteral(text: string): boolean {
  return parseAddress(text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text) !== null;
}
