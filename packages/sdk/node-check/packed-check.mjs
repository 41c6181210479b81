// Run by src/packed.test.ts from a temporary project that installed the `npm pack`
// tarball, under Node 22 and under Bun: it imports the SDK by its package name (so the
// packed files, not the workspace, answer) and talks to the test's fake server on
// loopback. Prints one JSON line of observations; the test makes the assertions.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as sdk from "@geckoguard/sdk";

const { baseUrl, apiKey, publicKeyPem, licenseKey } = JSON.parse(process.argv[2]);
const out = { runtime: typeof globalThis.Bun !== "undefined" ? `bun ${globalThis.Bun.version}` : `node ${process.version}` };
const stateDir = mkdtempSync(join(tmpdir(), "gg-packed-state-"));
const stateFile = join(stateDir, "session.json");
const launch = (options = {}) => sdk.createLicenseClient({ baseUrl, apiKey, productPublicKey: publicKeyPem, stateFile, ...options });
try {
  const first = await launch().start({ licenseKey, hwid: "packed-machine" });
  out.start = first.ok ? { ok: true, session: first.session.id } : { ok: false, code: first.code };
  out.saved = JSON.parse(readFileSync(stateFile, "utf8")).sessionId;
  const relaunched = launch();
  const resumed = await relaunched.start({ licenseKey, hwid: "packed-machine" });
  out.resumed = resumed.ok ? resumed.session.id : resumed.code;
  out.close = await relaunched.close();
  const unknownKey = await launch({ apiKey: `${apiKey}x` }).authorize({ licenseKey });
  out.unknownKey = unknownKey.ok ? "accepted" : { code: unknownKey.code, kind: unknownKey.kind };
  const otherKey = sdk.createLicenseClient({ baseUrl, apiKey, productPublicKey: (await import("node:crypto")).generateKeyPairSync("ed25519").publicKey });
  const forged = await otherKey.authorize({ licenseKey });
  out.otherProductKey = forged.ok ? "accepted" : { code: forged.code, kind: forged.kind };
  out.kinds = sdk.FAILURE_KINDS;
} finally {
  rmSync(stateDir, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
