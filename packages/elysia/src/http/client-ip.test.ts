import { expect, test } from "bun:test";
import { clientIpFrom } from "./client-ip.ts";

test("without a trusted proxy the socket address counts and X-Forwarded-For is ignored", () => {
  expect(clientIpFrom("203.0.113.5", "198.51.100.1", 0)).toBe("203.0.113.5");
  expect(clientIpFrom("::ffff:203.0.113.5", null, 0)).toBe("203.0.113.5");
  expect(clientIpFrom(undefined, "198.51.100.1", 0)).toBe("unknown");
});

test("behind one trusted proxy, the right-most X-Forwarded-For entry is the client; spoofed entries to its left are not", () => {
  expect(clientIpFrom("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
  expect(clientIpFrom("10.0.0.2", "1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
  expect(clientIpFrom("10.0.0.2", " ::ffff:198.51.100.7 ", 1)).toBe("198.51.100.7");
});

test("behind two trusted proxies, the entry the outer one appended counts", () => {
  expect(clientIpFrom("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  expect(clientIpFrom("10.0.0.3", "198.51.100.7", 2)).toBe("198.51.100.7");
});

test("a trusted proxy that sent no X-Forwarded-For leaves the socket address", () => {
  expect(clientIpFrom("10.0.0.2", null, 1)).toBe("10.0.0.2");
  expect(clientIpFrom("10.0.0.2", " , ", 1)).toBe("10.0.0.2");
});
