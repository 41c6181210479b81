/**
 * Writes src/migrations/bundled.ts from drizzle-kit's output folder, so migrations ship
 * inside the package and the compiled binary (no files to find at run time).
 * Run by `bun run db:generate` after `drizzle-kit generate`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderBundledMigrations } from "../src/migrations/render-bundle.ts";

const root = join(import.meta.dir, "..");
const out = join(root, "src/migrations/bundled.ts");
writeFileSync(out, renderBundledMigrations(join(root, "drizzle"), (p) => readFileSync(p, "utf8")));
console.log(`wrote ${out}`);
