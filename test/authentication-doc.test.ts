import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REQUEST_EXAMPLE } from "../packages/sdk/src/testing/worked-example.ts";
import { codeBlocks } from "./support/markdown-blocks.ts";

const DOC = join(import.meta.dir, "../docs/authentication.md");

/** Runs one of the doc's sh blocks with bash in a scratch folder; its stdout. */
async function runBlock(block: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "gg-auth-doc-"));
  try {
    const run = Bun.spawn(["bash", "-c", `set -euo pipefail\n${block}`], { cwd: dir, stdout: "pipe", stderr: "pipe" });
    const [stdout, stderr, code] = await Promise.all([new Response(run.stdout).text(), new Response(run.stderr).text(), run.exited]);
    if (code !== 0) throw new Error(`block failed (exit ${code}):\n${stdout}\n${stderr}`);
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("docs/authentication.md worked examples", () => {
  const [signing, verification] = codeBlocks(DOC, "sh");

  test("the openssl signing recipe prints the SDK's independently computed signatures", async () => {
    const lines = (await runBlock(signing!)).trim().split("\n");
    expect(lines).toEqual([REQUEST_EXAMPLE.signature, REQUEST_EXAMPLE.prefixedSignature]);
  });

  test("the openssl check accepts the example answer's signature, and refuses it for another nonce", async () => {
    expect(await runBlock(verification!)).toContain("Signature Verified Successfully");
    const otherNonce = verification!.replace("NONCE='Xq3_tR8-vLm2Np5Kw9Zb'", "NONCE='Xq3_tR8-vLm2Np5Kw9Zc'");
    expect(otherNonce).not.toBe(verification);
    await expect(runBlock(otherNonce)).rejects.toThrow("Signature Verification Failure");
  });
});
