import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { HwidUnavailableError } from "./errors.ts";

/**
 * Where each OS keeps a stable, unprivileged machine identifier. Deliberately not the
 * hostname, MAC addresses (VPNs, docker, Wi-Fi randomisation) or root-only DMI serials
 * (the HWID would change between a normal and an elevated run).
 */

/** The host as seen by the readers; tests replace it with fixtures. */
export interface HostProbe {
  platform: string;
  env: Record<string, string | undefined>;
  /** File text; rejects when the file cannot be read. */
  readFile(path: string): Promise<string>;
  /** Stdout of a command run without a shell; rejects on a non-zero exit. */
  run(command: string, args: string[]): Promise<string>;
}

export interface MachineIdentifier {
  /** Where it came from, for error messages and diagnostics; not part of the HWID. */
  source: string;
  /** The raw identifier: hash it, never send it. */
  value: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** systemd/dbus machine-id: 32 hex digits; "uninitialized" or zeros mean none yet. */
export function parseMachineIdFile(text: string): string | null {
  const id = text.trim().toLowerCase();
  return /^[0-9a-f]{32}$/.test(id) && !/^0+$/.test(id) ? id : null;
}

/** A bare UUID such as /sys/class/dmi/id/product_uuid; all-0 / all-F firmware placeholders are none. */
export function parseUuidFile(text: string): string | null {
  const id = text.trim().toLowerCase();
  return UUID.test(id) && !/^[0-]+$/.test(id) && !/^[f-]+$/.test(id) ? id : null;
}

/** `ioreg -rd1 -c IOPlatformExpertDevice` → the IOPlatformUUID line. */
export function parseIoregOutput(stdout: string): string | null {
  const match = /"IOPlatformUUID"\s*=\s*"([^"]+)"/.exec(stdout);
  return match?.[1] ? parseUuidFile(match[1]) : null;
}

/** `reg query HKLM\SOFTWARE\Microsoft\Cryptography /v MachineGuid` → the REG_SZ value. */
export function parseRegQueryOutput(stdout: string): string | null {
  const match = /^\s*MachineGuid\s+REG_SZ\s+(\S+)\s*$/im.exec(stdout);
  return match?.[1] ? parseUuidFile(match[1]) : null;
}

interface Reader {
  source: string;
  read(probe: HostProbe): Promise<string | null>;
}

const fileReader = (path: string, parse: (text: string) => string | null): Reader => ({
  source: path,
  read: async (probe) => parse(await probe.readFile(path)),
});

function windowsReader(env: HostProbe["env"]): Reader {
  const reg = `${env.SystemRoot ?? "C:\\Windows"}\\System32\\reg.exe`;
  const args = ["query", "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography", "/v", "MachineGuid"];
  // A 32-bit process on 64-bit Windows sees the WOW64 registry view unless told otherwise.
  if (env.PROCESSOR_ARCHITEW6432 !== undefined) args.push("/reg:64");
  return { source: `${reg} ${args.join(" ")}`, read: async (probe) => parseRegQueryOutput(await probe.run(reg, args)) };
}

/** Readers tried in order; the first that yields an identifier wins. */
export function readersFor(platform: string, env: HostProbe["env"]): Reader[] {
  switch (platform) {
    case "linux":
      return [
        fileReader("/etc/machine-id", parseMachineIdFile),
        fileReader("/var/lib/dbus/machine-id", parseMachineIdFile),
        fileReader("/sys/class/dmi/id/product_uuid", parseUuidFile),
      ];
    case "darwin":
      return [
        {
          source: "ioreg -rd1 -c IOPlatformExpertDevice",
          read: async (probe) => parseIoregOutput(await probe.run("/usr/sbin/ioreg", ["-rd1", "-c", "IOPlatformExpertDevice"])),
        },
      ];
    case "win32":
      return [windowsReader(env)];
    case "freebsd":
      return [fileReader("/etc/hostid", parseUuidFile)];
    default:
      return [];
  }
}

export async function readMachineIdentifier(probe: HostProbe): Promise<MachineIdentifier> {
  const readers = readersFor(probe.platform, probe.env);
  const tried: string[] = [];
  for (const reader of readers) {
    try {
      const value = await reader.read(probe);
      if (value !== null) return { source: reader.source, value };
      tried.push(`${reader.source}: no identifier in it`);
    } catch (error) {
      tried.push(`${reader.source}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (readers.length === 0) throw new HwidUnavailableError(`no machine identifier source for platform "${probe.platform}"`);
  throw new HwidUnavailableError(`no machine identifier could be read (${tried.join("; ")})`);
}

export const systemProbe: HostProbe = {
  platform: process.platform,
  env: process.env,
  readFile: (path) => readFile(path, "utf8"),
  run: (command, args) =>
    new Promise((resolve, reject) => {
      execFile(command, args, { timeout: 5000, windowsHide: true, encoding: "utf8" }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      );
    }),
};
