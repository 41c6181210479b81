import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const repoRoot = join(import.meta.dir, "../..");

/** What `createGeckoguard` needs at run time: the runtime and every workspace package it depends on. */
export const RUNTIME_PACKAGES = ["core", "drivers", "elysia", "store-libsql", "runtime"];

/**
 * `bun pm pack` for each of `packages/<name>` into a new temp folder: the tarballs a user
 * would install (prepack builds dist/, workspace:* turns into the version). Returns their paths.
 */
export function packPackages(names: string[]): string[] {
  const destination = mkdtempSync(join(tmpdir(), "gg-packs-"));
  return names.map((name) => {
    const pack = Bun.spawnSync([process.execPath, "pm", "pack", "--destination", destination, "--quiet"], {
      cwd: join(repoRoot, "packages", name),
      stdout: "pipe",
      stderr: "pipe",
    });
    const tarball = pack.stdout.toString().trim().split("\n").at(-1) ?? "";
    if (pack.exitCode !== 0 || !tarball.endsWith(".tgz")) throw new Error(`packing ${name} failed: ${pack.stderr.toString()}`);
    return tarball;
  });
}
