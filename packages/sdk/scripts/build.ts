// Builds dist/: ES2022 JS + .d.ts for Node 22 (its target; it also runs on 20) (Bun runs src/ directly), and a
// package.json that makes dist/ publishable on its own (`npm publish packages/sdk/dist`).
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });

const tsc = Bun.spawnSync([process.execPath, require.resolve("typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], {
  stdout: "inherit",
  stderr: "inherit",
});
if (tsc.exitCode !== 0) process.exit(tsc.exitCode ?? 1);

// tsc rewrites "./x.ts" to "./x.js" in JS but keeps ".ts" in declarations; fix those.
for (const file of readdirSync(dist).filter((f) => f.endsWith(".d.ts"))) {
  const path = join(dist, file);
  writeFileSync(path, readFileSync(path, "utf8").replace(/(from\s+"\.{1,2}\/[^"]+)\.ts"/g, '$1.js"'));
}

const source = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const manifest = {
  name: source.name,
  version: source.version,
  description: source.description,
  type: "module",
  main: "./index.js",
  types: "./index.d.ts",
  exports: { ".": { types: "./index.d.ts", default: "./index.js" } },
  engines: source.engines,
  sideEffects: false,
};
writeFileSync(join(dist, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
cpSync(join(root, "README.md"), join(dist, "README.md"));
console.log(`built ${dist}`);
