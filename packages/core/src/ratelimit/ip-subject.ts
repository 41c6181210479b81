/** IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is the IPv4 address it carries (CONTRACT §5). */
export function canonicalIp(ip: string): string {
  const lower = ip.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return mapped ? mapped[1]! : lower;
}

/** The eight 16-bit groups of an IPv6 address, or null when it does not parse. */
function ipv6Groups(ip: string): number[] | null {
  const [head = "", tail, extra] = ip.split("::");
  if (extra !== undefined) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const headParts = parse(head);
  const tailParts = tail === undefined ? [] : parse(tail);
  const last = tailParts.length > 0 ? tailParts : headParts;
  if (last.length > 0 && last[last.length - 1]!.includes(".")) {
    const octets = last.pop()!.split(".").map(Number);
    last.push(((octets[0]! << 8) | octets[1]!).toString(16), ((octets[2]! << 8) | octets[3]!).toString(16));
  }
  const missing = 8 - headParts.length - tailParts.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...headParts, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...tailParts];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/**
 * What a per-IP bucket counts: an IPv4 address whole, an IPv6 address by its /64 (the
 * block one subscriber usually holds, so rotating through it does not buy more
 * requests). Anything unparseable counts as itself.
 */
export function ipBucketSubject(ip: string): string {
  const canonical = canonicalIp(ip);
  if (!canonical.includes(":")) return canonical;
  const groups = ipv6Groups(canonical.split("%")[0]!);
  if (groups === null) return canonical;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}
