import { describe, expect, test } from "bun:test";
import { ipToHex } from "./ip-address.ts";
import { parseIpRange } from "./ip-range.ts";

const hex = (address: string) => ipToHex(address)!;

describe("parseIpRange: accepted values, their normal form and bounds", () => {
  test.each([
    // [input, normal form, first address, last address]
    ["1.2.3.4", "1.2.3.4", "1.2.3.4", "1.2.3.4"],
    [" 1.2.3.4 ", "1.2.3.4", "1.2.3.4", "1.2.3.4"],
    ["1.2.3.4/32", "1.2.3.4", "1.2.3.4", "1.2.3.4"],
    ["10.0.0.0/8", "10.0.0.0/8", "10.0.0.0", "10.255.255.255"],
    ["10.1.2.3/8", "10.0.0.0/8", "10.0.0.0", "10.255.255.255"],
    ["192.168.1.77/24", "192.168.1.0/24", "192.168.1.0", "192.168.1.255"],
    ["172.16.0.0/12", "172.16.0.0/12", "172.16.0.0", "172.31.255.255"],
    ["1.2.3.5/31", "1.2.3.4/31", "1.2.3.4", "1.2.3.5"],
    ["0.0.0.0/0", "0.0.0.0/0", "0.0.0.0", "255.255.255.255"],
    ["::ffff:1.2.3.4", "1.2.3.4", "1.2.3.4", "1.2.3.4"],
    ["::ffff:10.9.8.7/104", "10.0.0.0/8", "10.0.0.0", "10.255.255.255"],
    ["::ffff:0:0/96", "0.0.0.0/0", "0.0.0.0", "255.255.255.255"],
    ["2001:DB8::1", "2001:db8::1", "2001:db8::1", "2001:db8::1"],
    ["2001:db8::1/128", "2001:db8::1", "2001:db8::1", "2001:db8::1"],
    ["2001:db8::/32", "2001:db8::/32", "2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"],
    ["2001:db8:abcd:12::9/48", "2001:db8:abcd::/48", "2001:db8:abcd::", "2001:db8:abcd:ffff:ffff:ffff:ffff:ffff"],
    ["::/0", "::/0", "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"],
    // Wider than the mapped block: stays an IPv6 range.
    ["::ffff:1.2.3.4/95", "::fffe:0:0/95", "::fffe:0:0", "::ffff:255.255.255.255"],
  ])("%p → %s", (input, value, first, last) => {
    expect(parseIpRange(input)).toEqual({ ok: true, range: { value, rangeStart: hex(first), rangeEnd: hex(last) } });
  });
});

describe("parseIpRange: refused values", () => {
  test.each([
    "10.0.0.0/33",
    "1.2.3",
    "::g",
    "1.2.3.4/-1",
    "1.2.3.4/",
    "1.2.3.4/8/8",
    "1.2.3.4/08",
    "1.2.3.4/ 8",
    "2001:db8::/129",
    "::ffff:1.2.3.4/129",
    "256.1.1.1",
    "1.2.3.4.5/24",
    "fe80::1%eth0",
    "/24",
    "",
    "example.com",
  ])("%p → invalid", (input) => {
    const result = parseIpRange(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });
});

describe("parseIpRange: containment by hex comparison", () => {
  const within = (range: string, address: string) => {
    const parsed = parseIpRange(range);
    if (!parsed.ok) throw new Error(parsed.reason);
    const h = hex(address);
    return parsed.range.rangeStart <= h && h <= parsed.range.rangeEnd;
  };

  test.each([
    ["10.0.0.0/8", "10.200.3.4", true],
    ["10.0.0.0/8", "11.0.0.0", false],
    ["10.0.0.0/8", "::ffff:10.1.1.1", true],
    ["192.168.0.0/16", "192.167.255.255", false],
    ["2001:db8::/32", "2001:db8:1::5", true],
    ["2001:db8::/32", "2001:db9::", false],
    ["1.2.3.4", "1.2.3.4", true],
    ["1.2.3.4", "1.2.3.5", false],
    // An IPv6 range never swallows IPv4 clients unless it covers the mapped block.
    ["::/1", "1.2.3.4", true],
    ["8000::/1", "1.2.3.4", false],
  ])("%s contains %s: %p", (range, address, expected) => {
    expect(within(range, address)).toBe(expected);
  });
});
