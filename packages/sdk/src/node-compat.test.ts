import { beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deriveHwid } from "./hwid.ts";
import { REQUEST_EXAMPLE, RESPONSE_EXAMPLE } from "./testing/worked-example.ts";

/** Builds dist/ and runs it on Node 20: the SDK must work there, not only on Bun. */

const NODE = "/usr/bin/node";
const root = join(import.meta.dir, "..");
const hasNode = existsSync(NODE);
if (!hasNode) console.warn(`node-compat: ${NODE} is absent, so the Node 20 smoke test is skipped`);

function run(cmd: string[]) {
  const proc = Bun.spawnSync(cmd, { cwd: root, stdout: "pipe", stderr: "pipe" });
  return { code: proc.exitCode, stdout: proc.stdout.toString(), stderr: proc.stderr.toString() };
}

describe.skipIf(!hasNode)("on Node 20 (built dist/)", () => {
  beforeAll(() => {
    // tsc over src/ takes a few seconds on a small CI machine
    const build = run([process.execPath, "run", "scripts/build.ts"]);
    if (build.code !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`);
  }, 30_000);

  test("dist holds plain JS and declarations with no .ts import left", () => {
    const files = readdirSync(join(root, "dist"));
    expect(files).toContain("index.js");
    expect(files).toContain("index.d.ts");
    for (const file of files.filter((f) => f.endsWith(".js") || f.endsWith(".d.ts"))) {
      expect(readFileSync(join(root, "dist", file), "utf8")).not.toMatch(/from\s+"[^"]+\.ts"/);
    }
  });

  test("signs, verifies and talks to a signed server under Node's own fetch", async () => {
    const arg = JSON.stringify({ request: REQUEST_EXAMPLE, response: RESPONSE_EXAMPLE });
    const node = run([NODE, "node-check/smoke.mjs", arg]);
    if (node.code !== 0) throw new Error(`node failed:\n${node.stderr}`);
    const out = JSON.parse(node.stdout);
    expect(Number(/^v(\d+)\./.exec(out.node)?.[1])).toBeGreaterThanOrEqual(20);
    expect(out.bun).toBe(false);
    expect(out.requestSignature).toBe(REQUEST_EXAMPLE.signature);
    expect(out.workedResponseVerifies).toEqual([true, true]);
    expect(out.replayVerifies).toBe(false);
    expect(out.authorize).toEqual({ ok: true, session: "S1" });
    expect(out.heartbeat).toBe(true);
    expect(out.lastRequest.path).toBe("/licensing/v1/licenses/authorize");
    expect(out.heartbeatBody).toEqual({ licenseKey: "GG-NODE", hwid: "h1", sessionId: "S1" });
    expect(out.tampered).toBe("RESPONSE_SIGNATURE_INVALID");
    expect(out.webhook).toEqual([true, false]);
    // Same machine, same salt: Node and Bun must derive the same HWID.
    const bunHwid = await deriveHwid({ salt: "node-check" }).catch((error: Error) => error.name);
    expect(out.hwid).toBe(bunHwid);
  }, 30_000);
});
