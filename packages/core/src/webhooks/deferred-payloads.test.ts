import { expect, test } from "bun:test";
import type { LicenseView } from "../records/license.ts";
import { licenseEventData } from "./event-payloads.ts";
import { deferredLicenseData, renderEventData } from "./deferred-payloads.ts";

const at = Date.parse("2026-11-27T10:00:00.000Z");
const license: LicenseView = {
  id: "01a21b4a-be86-7504-9d53-bdf9732ef521",
  productId: "01a21b4a-be74-7a0b-911e-2759e071747a",
  key: "GG-GTH93-ZHM16-69K63-CW38J-8NG39",
  status: "active",
  frozen: true,
  frozenAt: at - 60_000,
  expiresAt: at + 86_400_000,
  durationDays: 30,
  policyOverrides: { maxHwids: 2 },
  hwids: ["hw-1"],
  ips: ["198.51.100.7"],
  devices: [{ hwid: "hw-1", name: "Ada's laptop", platform: "linux-x64", firstSeenAt: at - 3_000_000, lastSeenAt: at - 60_000 }],
  note: "Reseller order 1042",
  channels: ["stable"],
  updatesUntil: null,
  metadata: { plan: "pro", seats: 3 },
  endUserId: "01a21b4a-bf18-7026-8525-a53edfcf18dd",
  redeemedAt: at - 3_600_000,
  lastAuthorizedAt: null,
  createdAt: at - 7_200_000,
  updatedAt: at,
  owner: { id: "01a21b4a-bf18-7026-8525-a53edfcf18dd", username: "ada", email: "ada@example.com" },
  productPolicy: { hwidBinding: "on", maxHwids: 1, ipBinding: "off", maxIps: 3, maxSessions: 3, sessionTtlSeconds: 600, durationDays: 30 },
};

test("a deferred license, through JSON as the outbox stores it, renders exactly as the payload built at once", () => {
  const stored = JSON.parse(JSON.stringify(deferredLicenseData(license, { changes: ["note"] })));
  expect(renderEventData(stored, at)).toEqual(JSON.parse(JSON.stringify(licenseEventData(license, at, { changes: ["note"] }))));
  expect(JSON.stringify(deferredLicenseData(license)).length).toBeLessThan(JSON.stringify(licenseEventData(license, at)).length * 0.7);
});

test("a snapshot recorded before devices were listed renders its HWIDs as devices seen at the event's time", () => {
  const stored = JSON.parse(JSON.stringify(deferredLicenseData(license))) as { s: unknown[] };
  stored.s = stored.s.slice(0, 20); // the field list as it was: devices came after productPolicy
  const rendered = renderEventData(stored, at) as { license: { hwids: string[]; devices: unknown[] } };
  expect(rendered.license.hwids).toEqual(["hw-1"]);
  expect(rendered.license.devices).toEqual([{ hwid: "hw-1", name: null, platform: null, firstSeenAt: new Date(at).toISOString(), lastSeenAt: new Date(at).toISOString() }]);
});

test("other payloads pass through unchanged", () => {
  const data = { apiKey: { id: "k", prefix: "abc" } };
  expect(renderEventData(data, at)).toBe(data);
  expect(renderEventData(null, at)).toBeNull();
});
