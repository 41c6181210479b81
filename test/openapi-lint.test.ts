import { expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dir, "..");

/**
 * `@redocly/cli lint` with the recommended rules (redocly.yaml) finds nothing in
 * docs/openapi.json beyond the exceptions listed, with their reasons, in
 * .redocly.lint-ignore.yaml. It reads only local files: telemetry and the update check
 * are off, and the document has no remote $ref.
 */
test("docs/openapi.json passes Redocly's recommended lint with no errors or warnings", () => {
  // Into a file, not a pipe: the CLI exits without waiting for a pipe to drain.
  const dir = mkdtempSync(join(tmpdir(), "gg-redocly-"));
  const reportFile = join(dir, "report.json");
  const run = Bun.spawnSync(["bun", join(root, "node_modules/@redocly/cli/bin/cli.js"), "lint", "docs/openapi.json", "--format=json"], {
    cwd: root,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    stdout: Bun.file(reportFile),
    stderr: "pipe",
  });
  const output = readFileSync(reportFile, "utf8");
  rmSync(dir, { recursive: true, force: true });
  if (!output.includes("{")) throw new Error(`redocly printed no report (exit ${run.exitCode}): ${run.stderr.toString()}`);
  const report = JSON.parse(output.slice(output.indexOf("{"))) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] };
  expect(report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`)).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  expect(run.exitCode).toBe(0);
}, 120_000);
