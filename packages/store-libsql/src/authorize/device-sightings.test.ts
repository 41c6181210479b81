import { expect, test } from "bun:test";
import { DeviceSightings, LAST_SEEN_STEP_MS } from "./device-sightings.ts";
import { ReadCache } from "./read-cache.ts";
import type { WriteBehind } from "./write-behind.ts";

function setup() {
  const queued: string[] = [];
  const writes = {
    seeHwid: (licenseId: string, hwid: string, at: number, device: { name?: string; platform?: string }) =>
      queued.push(`hwid ${licenseId} ${hwid} ${at} ${device.name ?? "-"} ${device.platform ?? "-"}`),
    seeIp: (licenseId: string, ip: string, at: number) => queued.push(`ip ${licenseId} ${ip} ${at}`),
  } as unknown as WriteBehind;
  return { queued, sightings: new DeviceSightings(new ReadCache(() => 1), writes) };
}

const T = 1_800_000_000_000;

test("a device seen within a step of its stored last-seen time is not rewritten; past the step it is, once per step", () => {
  const { queued, sightings } = setup();
  const bound = sightings.load("L", JSON.stringify([["hw", T, "Mac", "darwin-arm64"]]), JSON.stringify([["10.0.0.1", T]]));
  expect(bound).toEqual({ hwids: ["hw"], ips: ["10.0.0.1"] });
  sightings.see("L", { hwid: "hw", ip: "10.0.0.1", device: {} }, T + LAST_SEEN_STEP_MS - 1);
  expect(queued).toEqual([]);
  sightings.see("L", { hwid: "hw", ip: "10.0.0.1", device: {} }, T + LAST_SEEN_STEP_MS);
  sightings.see("L", { hwid: "hw", ip: "10.0.0.1", device: {} }, T + LAST_SEEN_STEP_MS + 5);
  expect(queued).toEqual([`hwid L hw ${T + LAST_SEEN_STEP_MS} - -`, `ip L 10.0.0.1 ${T + LAST_SEEN_STEP_MS}`]);
});

test("a new name or platform is written at once; the same one again is not", () => {
  const { queued, sightings } = setup();
  sightings.load("L", JSON.stringify([["hw", T, "Mac", null]]), "[]");
  sightings.see("L", { hwid: "hw", device: { name: "Mac" } }, T + 1);
  expect(queued).toEqual([]);
  sightings.see("L", { hwid: "hw", device: { platform: "darwin-arm64" } }, T + 2);
  sightings.see("L", { hwid: "hw", device: { name: "Mac", platform: "darwin-arm64" } }, T + 3);
  expect(queued).toEqual([`hwid L hw ${T + 2} - darwin-arm64`]);
});

test("a bind counts as a sighting; a device the thread knows nothing about is written", () => {
  const { queued, sightings } = setup();
  sightings.load("L", "[]", "[]");
  sightings.bound("hwid", "L", "hw", T, { name: "PC" });
  sightings.see("L", { hwid: "hw", device: { name: "PC" } }, T + 1000);
  expect(queued).toEqual([]);
  sightings.see("other", { hwid: "hw2", device: {} }, T);
  expect(queued).toEqual([`hwid other hw2 ${T} - -`]);
});
