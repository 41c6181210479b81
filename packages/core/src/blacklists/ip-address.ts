/**
 * IP address parsing and formatting, pure. Every address lives in one 128-bit space:
 * IPv4 `a.b.c.d` is stored as the IPv4-mapped IPv6 `::ffff:a.b.c.d`, so a client that
 * connects as `::ffff:1.2.3.4` and one that connects as `1.2.3.4` are the same address.
 */

/** `::ffff:0:0`, the start of the IPv4-mapped block (::ffff:0:0/96). */
export const V4_MAPPED_BASE = 0xffffn << 32n;
export const MAX_ADDRESS = (1n << 128n) - 1n;

export interface ParsedAddress {
  /** 4 for IPv4 and IPv4-mapped IPv6 addresses, 6 otherwise. */
  family: 4 | 6;
  /** The 128-bit value (IPv4 as its mapped form). */
  value: bigint;
}

// Leading zeros are refused: `010.0.0.1` is octal to some parsers and decimal to others.
const V4_OCTET = /^(0|[1-9][0-9]{0,2})$/;
const V6_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Dotted-quad IPv4 → 32-bit number, or null. */
export function parseIpv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!V4_OCTET.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

function parseGroups(text: string): number[] | null {
  if (text === "") return [];
  const groups: number[] = [];
  for (const group of text.split(":")) {
    if (!V6_GROUP.test(group)) return null;
    groups.push(parseInt(group, 16));
  }
  return groups;
}

/** RFC 4291 text form (with `::` and an optional dotted-quad tail) → 128-bit value, or null. */
export function parseIpv6(text: string): bigint | null {
  let head = text;
  let tail: number[] = [];
  if (text.includes(".")) {
    const cut = text.lastIndexOf(":");
    const v4 = cut < 0 ? null : parseIpv4(text.slice(cut + 1));
    if (v4 === null) return null;
    tail = [Math.floor(v4 / 0x10000), v4 % 0x10000];
    head = text.slice(0, cut + 1);
    if (!head.endsWith("::")) head = head.slice(0, -1);
  }
  const halves = head.split("::");
  if (halves.length > 2) return null;
  const left = parseGroups(halves[0]!);
  const right = halves.length === 2 ? parseGroups(halves[1]!) : [];
  if (left === null || right === null) return null;
  const explicit = left.length + right.length + tail.length;
  // `::` stands for at least one zero group; without it all eight must be written.
  if (halves.length === 2 ? explicit > 7 : explicit !== 8) return null;
  const groups = [...left, ...new Array<number>(8 - explicit).fill(0), ...right, ...tail];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

export function isV4Mapped(value: bigint): boolean {
  return value >> 32n === 0xffffn;
}

/** An IPv4 or IPv6 address (no prefix, no zone id) → family and 128-bit value, or null. */
export function parseAddress(text: string): ParsedAddress | null {
  if (text.length === 0 || text.length > 45) return null;
  if (!text.includes(":")) {
    const v4 = parseIpv4(text);
    return v4 === null ? null : { family: 4, value: V4_MAPPED_BASE | BigInt(v4) };
  }
  const value = parseIpv6(text);
  if (value === null) return null;
  return { family: isV4Mapped(value) ? 4 : 6, value };
}

/** 32 lower-case hex digits: string order equals numeric order, so ranges are range queries. */
export function toHex128(value: bigint): string {
  return value.toString(16).padStart(32, "0");
}

/**
 * The lookup form of a client address (socket or trusted proxy header), or null when it
 * is not an IP address. `::ffff:1.2.3.4` and `1.2.3.4` give the same answer.
 */
export function ipToHex(address: string): string | null {
  const parsed = parseAddress(address);
  return parsed === null ? null : toHex128(parsed.value);
}

/** Dotted quad of the low 32 bits. */
export function formatIpv4(value: bigint): string {
  const v = Number(value & 0xffffffffn);
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".");
}

/** RFC 5952 canonical IPv6: lower case, no leading zeros, the longest zero run (≥ 2) as `::`. */
export function formatIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt((7 - i) * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > bestLength) {
      bestStart = i;
      bestLength = end - i;
    }
    i = end;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

/** The canonical text of an address: dotted quad for IPv4 (mapped or not), RFC 5952 otherwise. */
export function formatAddress(address: ParsedAddress): string {
  return address.family === 4 ? formatIpv4(address.value) : formatIpv6(address.value);
}
