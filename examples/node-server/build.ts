// `bun run build.ts`: bundles server.ts and the workspace packages it imports (TypeScript
// sources) into dist/server.mjs for Node 20. Native modules stay external and load from
// node_modules at run time, as any Node dependency would.
import { join } from "node:path";
import { rmSync } from "node:fs";

const outdir = join(import.meta.dir, "dist");
rmSync(outdir, { recursive: true, force: true });
const result = await Bun.build({
  entrypoints: [join(import.meta.dir, "server.ts")],
  outdir,
  naming: "[name].mjs",
  target: "node",
  format: "esm",
  external: ["libsql", "@libsql/client", "@node-rs/argon2"],
});
if (!result.success) {
  for (const log of result.logs) console.error(log);
  process.exit(1);
}
console.log(`built ${join(outdir, "server.mjs")}`);
