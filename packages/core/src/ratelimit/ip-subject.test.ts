import { expect, test } from "bun:test";
import { ipBucketSubject } from "./ip-subject.ts";

test("a per-IP bucket counts IPv4 whole, IPv4-mapped as IPv4, IPv6 by its /64, whatever the notation", () => {
  expect(ipBucketSubject("203.0.113.9")).toBe("203.0.113.9");
  expect(ipBucketSubject("::ffff:203.0.113.9")).toBe("203.0.113.9");
  expect(ipBucketSubject("::FFFF:203.0.113.9")).toBe("203.0.113.9");
  expect(ipBucketSubject("2001:db8:a:b:1:2:3:4")).toBe("2001:db8:a:b::/64");
  expect(ipBucketSubject("2001:0DB8:000a:000b::9")).toBe("2001:db8:a:b::/64");
  expect(ipBucketSubject("2001:db8::")).toBe("2001:db8::/64");
  expect(ipBucketSubject("::1")).toBe("::/64");
  expect(ipBucketSubject("fe80::1%eth0")).toBe("fe80::/64");
});

test("an address that does not parse counts as itself", () => {
  expect(ipBucketSubject("unknown")).toBe("unknown");
  expect(ipBucketSubject("1::2::3")).toBe("1::2::3");
  expect(ipBucketSubject("1:2:3:4:5:6:7")).toBe("1:2:3:4:5:6:7");
});
