import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderBundledMigrations } from "./render-bundle.ts";

test("bundled.ts matches the drizzle folder (run `bun run db:generate` after a schema change)", () => {
  const root = join(import.meta.dir, "../..");
  const expected = renderBundledMigrations(join(root, "drizzle"), (p) => readFileSync(p, "utf8"));
  expect(readFileSync(join(import.meta.dir, "bundled.ts"), "utf8")).toBe(expected);
});
