import { expect, test } from "bun:test";
import { canonicalIp, ipBucketSubject } from "./ip-subject.ts";

test("IPv4-mapped IPv6 is IPv4; other addresses are lower-cased as they are", () => {
  expect(canonicalIp("::ffff:203.0.113.9")).toBe("203.0.113.9");
  expect(canonicalIp("::FFFF:203.0.113.9")).toBe("203.0.113.9");
  expect(canonicalIp("2001:DB8::1")).toBe("2001:db8::1");
  expect(canonicalIp("203.0.113.9")).toBe("203.0.113.9");
});

test("a per-IP bucket counts IPv4 whole and IPv6 by its /64, whatever the notation", () => {
  expect(ipBucketSubject("203.0.113.9")).toBe("203.0.113.9");
  expect(ipBucketSubject("::ffff:203.0.113.9")).toBe("203.0.113.9");
  expect(ipBucketSubject("2001:db8:a:b:1:2:3:4")).toBe("2001:db8:a:b::/64");
  expect(ipBucketSubject("2001:0DB8:000a:000b::9")).toBe("2001:db8:a:b::/64");
  expect(ipBucketSubject("2001:db8::")).toBe("2001:db8:0:0::/64");
  expect(ipBucketSubject("::1")).toBe("0:0:0:0::/64");
  expect(ipBucketSubject("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  expect(ipBucketSubject("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
});

test("an address that does not parse counts as itself", () => {
  expect(ipBucketSubject("unknown")).toBe("unknown");
  expect(ipBucketSubject("1::2::3")).toBe("1::2::3");
  expect(ipBucketSubject("1:2:3:4:5:6:7")).toBe("1:2:3:4:5:6:7");
});
