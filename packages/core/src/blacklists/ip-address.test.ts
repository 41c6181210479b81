import { describe, expect, test } from "bun:test";
import { formatIpv6, ipToHex, parseAddress, parseIpv4, parseIpv6 } from "./ip-address.ts";

describe("parseIpv4", () => {
  test.each([
    ["0.0.0.0", 0],
    ["1.2.3.4", 0x01020304],
    ["255.255.255.255", 0xffffffff],
    ["10.0.0.1", 0x0a000001],
  ])("%s → %d", (text, value) => {
    expect(parseIpv4(text)).toBe(value);
  });

  test.each(["1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4", "1..3.4", "a.b.c.d", "", " 1.2.3.4", "1.2.3.4 ", "0x1.2.3.4"])(
    "%p is refused",
    (text) => {
      expect(parseIpv4(text)).toBeNull();
    },
  );
});

describe("parseIpv6", () => {
  test.each([
    ["::", 0n],
    ["::1", 1n],
    ["1::", 1n << 112n],
    ["2001:db8::1", 0x20010db8000000000000000000000001n],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", 0x20010db8000000000000000000000001n],
    ["1:2:3:4:5:6:7:8", 0x00010002000300040005000600070008n],
    ["1:2:3:4:5:6:7::", 0x00010002000300040005000600070000n],
    ["::ffff:1.2.3.4", 0xffff01020304n],
    ["::1.2.3.4", 0x01020304n],
    ["1:2:3:4:5:6:1.2.3.4", 0x00010002000300040005000601020304n],
    ["64:ff9b::192.0.2.33", 0x0064ff9b0000000000000000c0000221n],
  ])("%s", (text, value) => {
    expect(parseIpv6(text)).toBe(value);
  });

  test.each([
    "::g",
    ":::",
    "1::2::3",
    ":1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "::1:2:3:4:5:6:7:8",
    "12345::",
    "fe80::1%eth0",
    "::ffff:1.2.3",
    "::ffff:256.1.1.1",
    "1.2.3.4::",
    "1:2:3:4:5:6:7:1.2.3.4",
    "",
  ])("%p is refused", (text) => {
    expect(parseIpv6(text)).toBeNull();
  });
});

describe("parseAddress and ipToHex", () => {
  test("IPv4 and its IPv4-mapped IPv6 spelling are the same address, family 4", () => {
    expect(parseAddress("1.2.3.4")).toEqual({ family: 4, value: 0xffff01020304n });
    expect(parseAddress("::ffff:1.2.3.4")).toEqual({ family: 4, value: 0xffff01020304n });
    expect(parseAddress("::FFFF:0102:0304")).toEqual({ family: 4, value: 0xffff01020304n });
    expect(ipToHex("::ffff:1.2.3.4")).toBe(ipToHex("1.2.3.4")!);
    expect(ipToHex("1.2.3.4")).toBe("00000000000000000000ffff01020304");
  });

  test("IPv6 is family 6 and 32 lower-case hex digits", () => {
    expect(parseAddress("2001:db8::1")?.family).toBe(6);
    expect(ipToHex("2001:DB8::1")).toBe("20010db8000000000000000000000001");
    expect(ipToHex("::")).toBe("0".repeat(32));
  });

  test.each(["", "localhost", "1.2.3.4/32", "::1/128", "1.2.3", "::g", "x".repeat(60)])("ipToHex(%p) is null", (text) => {
    expect(ipToHex(text)).toBeNull();
  });

  test("hex order is numeric order (so a range is a string range)", () => {
    const ordered = ["::", "::1", "0.0.0.1", "9.255.255.255", "10.0.0.0", "255.255.255.255", "2001:db8::", "ffff::"];
    const hexes = ordered.map((a) => ipToHex(a)!);
    expect([...hexes].sort()).toEqual(hexes);
  });
});

describe("formatIpv6 (RFC 5952)", () => {
  test.each([
    [0n, "::"],
    [1n, "::1"],
    [0x20010db8000000000000000000000001n, "2001:db8::1"],
    // A single zero group is not compressed; the longest run wins; the first of equal runs wins.
    [0x20010db8000000010001000100010001n, "2001:db8:0:1:1:1:1:1"],
    [0x20010000000000010000000000000001n, "2001:0:0:1::1"],
    [0x20010db8000000000001000000000001n, "2001:db8::1:0:0:1"],
    [0x00010002000300040005000600070008n, "1:2:3:4:5:6:7:8"],
  ])("%p → %s", (value, text) => {
    expect(formatIpv6(value)).toBe(text);
  });
});
