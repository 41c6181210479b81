import { describe, expect, test } from "bun:test";
import { isIpLiteral, isPublicAddress } from "./ip-address-class.ts";

describe("which addresses a webhook may reach", () => {
  const refused: [string, string][] = [
    ["127.0.0.1", "IPv4 loopback"],
    ["127.255.255.254", "loopback /8"],
    ["0.0.0.0", "this network"],
    ["10.1.2.3", "private 10/8"],
    ["172.16.0.1", "private 172.16/12 start"],
    ["172.31.255.255", "private 172.16/12 end"],
    ["192.168.1.1", "private 192.168/16"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["100.64.0.1", "shared address space (CGNAT)"],
    ["192.0.0.8", "IETF protocol assignments"],
    ["192.0.2.10", "documentation"],
    ["198.18.0.1", "benchmarking"],
    ["203.0.113.5", "documentation"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["[::1]", "bracketed loopback (URL form)"],
    ["fe80::1", "IPv6 link-local"],
    ["fc00::1", "unique local"],
    ["fd12:3456::1", "unique local"],
    ["ff02::1", "IPv6 multicast"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:7f00:1", "IPv4-mapped loopback, hex form"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::ffff:169.254.169.254", "IPv4-mapped metadata"],
    ["64:ff9b::a00:1", "NAT64 of a private IPv4"],
    ["::127.0.0.1", "IPv4-compatible (deprecated)"],
    ["2001:db8::1", "IPv6 documentation"],
    ["2001::1", "Teredo"],
    ["2002:7f00:1::1", "6to4"],
    ["fe80::1%eth0", "zone id"],
    ["not-an-ip", "not an address"],
    ["1.2.3", "three-part IPv4"],
    ["01.2.3.4", "leading zero"],
    ["1:2:3:4:5:6:7:8:9", "nine groups"],
    ["1::2::3", "two elisions"],
  ];
  test.each(refused)("%s is refused (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  const allowed: [string, string][] = [
    ["8.8.8.8", "public IPv4"],
    ["1.1.1.1", "public IPv4"],
    ["172.32.0.1", "just outside 172.16/12"],
    ["100.128.0.1", "just outside 100.64/10"],
    ["2606:4700:4700::1111", "public IPv6"],
    ["2a00:1450:4001:82a::200e", "public IPv6"],
    ["::ffff:8.8.8.8", "IPv4-mapped public"],
    ["64:ff9b::808:808", "NAT64 of a public IPv4"],
    ["[2606:4700::1]", "bracketed public IPv6"],
  ];
  test.each(allowed)("%s is allowed (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  test("IP literals, bracketed or not, need no DNS; names do", () => {
    expect(["127.0.0.1", "[::1]", "::ffff:1.2.3.4", "2606:4700::1111"].map(isIpLiteral)).toEqual([true, true, true, true]);
    expect(["hooks.example.com", "localhost", "1.2.3", "[hooks]"].map(isIpLiteral)).toEqual([false, false, false, false]);
  });
});
