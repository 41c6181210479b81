import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { HwidUnavailableError } from "./errors.ts";
import { deriveHwid, hashMachineIdentifier } from "./hwid.ts";

const MACHINE_ID = "3d1219c7c4c5404aaa1f6d2a48adfda4";
const probe = (id: string) => ({ platform: "linux", readFile: async () => `${id}\n` });

test("the HWID is 64 hex chars, stable, salted, and never contains the raw identifier", async () => {
  const a = await deriveHwid({ salt: "prod-a", probe: probe(MACHINE_ID) });
  expect(a).toMatch(/^[0-9a-f]{64}$/);
  expect(a).not.toContain(MACHINE_ID);
  expect(await deriveHwid({ salt: "prod-a", probe: probe(MACHINE_ID.toUpperCase()) })).toBe(a);
  expect(await deriveHwid({ salt: "prod-b", probe: probe(MACHINE_ID) })).not.toBe(a);
  expect(await deriveHwid({ salt: "prod-a", probe: probe("aaaabbbbccccddddeeeeffff00001111") })).not.toBe(a);
  expect(a).toBe(hashMachineIdentifier(MACHINE_ID, "prod-a"));
});

test("hashMachineIdentifier is HMAC-SHA256(salt, 'geckoguard-hwid-v1\\n' + id)", () => {
  // Computed with Python: hmac.new(b"prod-a", b"geckoguard-hwid-v1\n" + id, sha256).hexdigest()
  expect(hashMachineIdentifier(MACHINE_ID, "prod-a")).toBe(
    "46895d57ff5759210c0780af082c0d5fd3cb652bd2ee6dbaec1707accd02a556",
  );
});

/** What this host offers, read independently of the SDK's readers. */
function readableLinuxId(): string | null {
  const sources: Array<[string, RegExp]> = [
    ["/etc/machine-id", /^[0-9a-f]{32}$/],
    ["/var/lib/dbus/machine-id", /^[0-9a-f]{32}$/],
    ["/sys/class/dmi/id/product_uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
  ];
  for (const [path, shape] of sources) {
    try {
      const id = readFileSync(path, "utf8").trim().toLowerCase();
      if (shape.test(id)) return id;
    } catch {
      // unreadable here: the SDK moves on to the next source too
    }
  }
  return null;
}

test.skipIf(process.platform !== "linux")("on this Linux host: derived from the real machine identifier, or a clear error", async () => {
  const id = readableLinuxId();
  if (id === null) {
    // e.g. a container without systemd/dbus, not running as root
    await expect(deriveHwid({ salt: "real" })).rejects.toThrow(HwidUnavailableError);
    return;
  }
  const hwid = await deriveHwid({ salt: "real" });
  expect(hwid).toBe(hashMachineIdentifier(id, "real"));
  expect(await deriveHwid({ salt: "real" })).toBe(hwid);
});
