/**
 * Which IP addresses a webhook may be sent to: only globally reachable unicast ones.
 * Loopback, private, link-local, shared (CGNAT), documentation, benchmarking, multicast
 * and reserved ranges are refused, in IPv4 and IPv6 alike, and an IPv6 address that
 * embeds an IPv4 one (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96) is judged by the
 * IPv4 address inside it. Ranges from the IANA special-purpose address registries.
 */

type Bytes = readonly number[];

function parseIpv4(text: string): Bytes | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    bytes.push(Number(part));
  }
  return bytes;
}

function parseIpv6(text: string): Bytes | null {
  if (text.includes("%")) return null; // zone ids name a local interface: never a public target
  let hex = text;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    // A trailing dotted quad (::ffff:1.2.3.4) is two 16-bit groups written in decimal.
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    const word = (hi: number, lo: number) => ((hi << 8) | lo).toString(16);
    hex = `${text.slice(0, lastColon + 1)}${word(v4[0]!, v4[1]!)}:${word(v4[2]!, v4[3]!)}`;
  }
  const halves = hex.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === "" ? [] : half.split(":"));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const words = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  const bytes: number[] = [];
  for (const word of words) {
    if (!/^[0-9a-f]{1,4}$/i.test(word)) return null;
    const value = parseInt(word, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  return bytes;
}

/** Parses a textual IPv4 or IPv6 address (brackets allowed around IPv6); null if it is not one. */
export function parseIpAddress(text: string): { version: 4 | 6; bytes: Bytes } | null {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const v4 = parseIpv4(bare);
  if (v4 !== null) return { version: 4, bytes: v4 };
  const v6 = bare.includes(":") ? parseIpv6(bare) : null;
  return v6 === null ? null : { version: 6, bytes: v6 };
}

/** [first bytes, prefix length] of the IPv4 ranges that are not globally reachable. */
const V4_BLOCKED: [Bytes, number][] = [
  [[0, 0, 0, 0], 8], // "this network"
  [[10, 0, 0, 0], 8], // private
  [[100, 64, 0, 0], 10], // shared address space (CGNAT)
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local (cloud metadata lives here)
  [[172, 16, 0, 0], 12], // private
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16], // private
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, broadcast
];

/** IPv6 ranges refused inside global unicast 2000::/3 (everything outside it is refused). */
const V6_BLOCKED_IN_GLOBAL: [Bytes, number][] = [
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x20, 0x01, 0x00, 0x00], 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  [[0x20, 0x02], 16], // 6to4: tunnels to an arbitrary IPv4 address
  [[0x3f, 0xff, 0x00], 20], // documentation (RFC 9637)
];

function inPrefix(bytes: Bytes, prefix: Bytes, length: number): boolean {
  for (let bit = 0; bit < length; bit++) {
    const mask = 0x80 >> bit % 8;
    if (((bytes[bit >> 3] ?? 0) & mask) !== ((prefix[bit >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

const IPV4_MAPPED: Bytes = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
const NAT64_WELL_KNOWN: Bytes = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

function isPublicIpv4(bytes: Bytes): boolean {
  return !V4_BLOCKED.some(([prefix, length]) => inPrefix(bytes, prefix, length));
}

/** Whether a webhook may be delivered to this address (text form, v4 or v6). Unparseable → false. */
export function isPublicAddress(text: string): boolean {
  const parsed = parseIpAddress(text);
  if (parsed === null) return false;
  if (parsed.version === 4) return isPublicIpv4(parsed.bytes);
  const bytes = parsed.bytes;
  if (inPrefix(bytes, IPV4_MAPPED, 96) || inPrefix(bytes, NAT64_WELL_KNOWN, 96)) return isPublicIpv4(bytes.slice(12));
  if (!inPrefix(bytes, [0x20], 3)) return false;
  return !V6_BLOCKED_IN_GLOBAL.some(([prefix, length]) => inPrefix(bytes, prefix, length));
}
