import { describe, expect, test } from "bun:test";
import { HwidUnavailableError } from "./errors.ts";
import {
  parseIoregOutput,
  parseMachineIdFile,
  parseRegQueryOutput,
  parseUuidFile,
  readMachineIdentifier,
  type HostProbe,
} from "./hwid-sources.ts";

// Trimmed real outputs of the commands, as each OS prints them.
const IOREG = `+-o MacBookPro18,3  <class IOPlatformExpertDevice, id 0x100000110, registered, matched, active, busy 0 (6 ms), retain 36>
    {
      "IOPolledInterface" = "AppleARMWatchdogTimerHibernateHandler is not serializable"
      "IOPlatformSerialNumber" = "C02XL0GHJGH5"
      "manufacturer" = <"Apple Inc.">
      "IOPlatformUUID" = "3F2A9C1E-8B4D-5E6F-A1B2-C3D4E5F60718"
      "model" = <"MacBookPro18,3">
    }
`;
const REG = "\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\r\n    MachineGuid    REG_SZ    9b1f0c2e-4d3a-4b5c-8e7f-0a1b2c3d4e5f\r\n\r\n";

describe("parsers", () => {
  test("machine-id: 32 hex digits, trimmed and lower-cased; placeholders are none", () => {
    expect(parseMachineIdFile("3D1219C7C4C5404AAA1F6D2A48ADFDA4\n")).toBe("3d1219c7c4c5404aaa1f6d2a48adfda4");
    expect(parseMachineIdFile("uninitialized\n")).toBeNull();
    expect(parseMachineIdFile("")).toBeNull();
    expect(parseMachineIdFile("0".repeat(32))).toBeNull();
    expect(parseMachineIdFile("3d1219c7c4c5404aaa1f6d2a48adfda")).toBeNull();
  });

  test("ioreg: the IOPlatformUUID, not the serial number", () => {
    expect(parseIoregOutput(IOREG)).toBe("3f2a9c1e-8b4d-5e6f-a1b2-c3d4e5f60718");
    expect(parseIoregOutput(IOREG.replace(/.*IOPlatformUUID.*\n/, ""))).toBeNull();
  });

  test("reg query: the MachineGuid REG_SZ value, CRLF output", () => {
    expect(parseRegQueryOutput(REG)).toBe("9b1f0c2e-4d3a-4b5c-8e7f-0a1b2c3d4e5f");
    expect(parseRegQueryOutput("ERROR: The system was unable to find the specified registry key or value.\r\n")).toBeNull();
  });

  test("uuid files: firmware placeholders are none", () => {
    expect(parseUuidFile("4C4C4544-0042-3510-8052-B4C04F4E3732\n")).toBe("4c4c4544-0042-3510-8052-b4c04f4e3732");
    expect(parseUuidFile("00000000-0000-0000-0000-000000000000")).toBeNull();
    expect(parseUuidFile("FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")).toBeNull();
    expect(parseUuidFile("not-a-uuid")).toBeNull();
  });
});

/** A host made of fixtures; records the commands it is asked to run. */
function fakeHost(platform: string, files: Record<string, string>, commands: Record<string, string> = {}, env = {}) {
  const ran: string[][] = [];
  const probe: HostProbe = {
    platform,
    env,
    readFile: async (path) => {
      if (files[path] === undefined) throw new Error(`ENOENT: ${path}`);
      return files[path];
    },
    run: async (command, args) => {
      ran.push([command, ...args]);
      const out = commands[command];
      if (out === undefined) throw new Error(`spawn ${command} ENOENT`);
      return out;
    },
  };
  return { probe, ran };
}

describe("readMachineIdentifier", () => {
  test("linux prefers /etc/machine-id, then dbus's copy, then DMI product_uuid", async () => {
    const etc = "3d1219c7c4c5404aaa1f6d2a48adfda4\n";
    const dbus = "aaaabbbbccccddddeeeeffff00001111\n";
    const dmi = "4C4C4544-0042-3510-8052-B4C04F4E3732\n";
    const all = { "/etc/machine-id": etc, "/var/lib/dbus/machine-id": dbus, "/sys/class/dmi/id/product_uuid": dmi };
    expect(await readMachineIdentifier(fakeHost("linux", all).probe)).toEqual({ source: "/etc/machine-id", value: etc.trim() });
    const noEtc = { ...all, "/etc/machine-id": "uninitialized\n" };
    expect((await readMachineIdentifier(fakeHost("linux", noEtc).probe)).value).toBe(dbus.trim());
    const onlyDmi = { "/sys/class/dmi/id/product_uuid": dmi };
    expect((await readMachineIdentifier(fakeHost("linux", onlyDmi).probe)).value).toBe(dmi.trim().toLowerCase());
  });

  test("darwin runs ioreg for IOPlatformExpertDevice", async () => {
    const { probe, ran } = fakeHost("darwin", {}, { "/usr/sbin/ioreg": IOREG });
    expect((await readMachineIdentifier(probe)).value).toBe("3f2a9c1e-8b4d-5e6f-a1b2-c3d4e5f60718");
    expect(ran).toEqual([["/usr/sbin/ioreg", "-rd1", "-c", "IOPlatformExpertDevice"]]);
  });

  test("win32 queries MachineGuid, in the 64-bit view from a 32-bit process", async () => {
    const reg = "D:\\Win\\System32\\reg.exe";
    const native = fakeHost("win32", {}, { [reg]: REG }, { SystemRoot: "D:\\Win" });
    expect((await readMachineIdentifier(native.probe)).value).toBe("9b1f0c2e-4d3a-4b5c-8e7f-0a1b2c3d4e5f");
    expect(native.ran).toEqual([[reg, "query", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography", "/v", "MachineGuid"]]);
    const wow64 = fakeHost("win32", {}, { [reg]: REG }, { SystemRoot: "D:\\Win", PROCESSOR_ARCHITEW6432: "AMD64" });
    await readMachineIdentifier(wow64.probe);
    expect(wow64.ran[0]?.at(-1)).toBe("/reg:64");
  });

  test("nothing readable is a clear HwidUnavailableError naming what was tried", async () => {
    const linux = readMachineIdentifier(fakeHost("linux", { "/etc/machine-id": "\n" }).probe);
    await expect(linux).rejects.toThrow(HwidUnavailableError);
    await expect(linux).rejects.toThrow(/\/etc\/machine-id: no identifier in it; \/var\/lib\/dbus\/machine-id: ENOENT/);
    await expect(readMachineIdentifier(fakeHost("darwin", {}).probe)).rejects.toThrow(/ioreg.*ENOENT/);
    await expect(readMachineIdentifier(fakeHost("aix", {}).probe)).rejects.toThrow(/platform "aix"/);
  });
});
