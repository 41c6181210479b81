import { expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderConfigurationDoc, renderHelpSettings } from "./render.ts";
import { SETTINGS } from "./table.ts";

const variables = Object.values(SETTINGS).map((setting) => setting.variable);

test("docs/configuration.md is what the settings table renders (run `bun run docs:config` after a change)", () => {
  const onDisk = readFileSync(join(import.meta.dir, "../../../../docs/configuration.md"), "utf8");
  expect(onDisk).toBe(renderConfigurationDoc());
});

test("--help and the doc list every variable with its default", () => {
  const help = renderHelpSettings();
  const doc = renderConfigurationDoc();
  for (const setting of Object.values(SETTINGS)) {
    expect(help).toContain(`${setting.variable} `);
    expect(help).toContain(`default ${setting.shownDefault})`);
    expect(doc).toContain(`| \`${setting.variable}\` | \`${setting.shownDefault}\` |`);
  }
  expect(new Set(variables).size).toBe(variables.length);
});

test("every GG_ variable the server's code names is in the settings table", async () => {
  // Inputs of one command rather than settings of the server.
  const commandInputs = new Set(["GG_ADMIN_PASSWORD"]);
  const named = new Set<string>();
  for await (const file of new Bun.Glob("**/*.ts").scan(join(import.meta.dir, ".."))) {
    if (file.endsWith(".test.ts")) continue;
    const source = readFileSync(join(import.meta.dir, "..", file), "utf8");
    for (const match of source.matchAll(/["'`](GG_[A-Z0-9_]+)["'`]/g)) named.add(match[1]!);
  }
  const missing = [...named].filter((name) => !variables.includes(name) && !commandInputs.has(name));
  expect(missing).toEqual([]);
});

test("the README's short settings table shows the table's defaults", () => {
  const readme = readFileSync(join(import.meta.dir, "../../../../README.md"), "utf8");
  const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \| `([^`]*)` \|/gm)];
  expect(rows.length).toBeGreaterThan(3);
  for (const [, variable, shown] of rows) {
    const setting = Object.values(SETTINGS).find((s) => s.variable === variable);
    expect(`${variable}=${shown}`).toBe(`${variable}=${setting?.shownDefault}`);
  }
});
