// Run by src/node-compat.test.ts under Node 20 after `bun run build`. Imports the SDK by
// its package name, so Node resolves the "node" export condition to dist/index.js.
// Prints one JSON line of observations; the test makes the assertions.
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import * as sdk from "@geckoguard/sdk";

const { request: rq, response: rs } = JSON.parse(process.argv[2]);
const out = { node: process.version, bun: typeof globalThis.Bun !== "undefined" };

out.requestSignature = sdk.signRequest(rq.apiKey, { timestamp: rq.timestamp, nonce: rq.nonce, path: rq.path, body: rq.body });
const examples = [rs.publicKeyPem, rs.publicKeyJwk].map((key) => sdk.loadProductPublicKey(key));
out.workedResponseVerifies = examples.map((publicKey) =>
  sdk.verifyResponseSignature({ publicKey, nonce: rs.nonce, body: rs.body, signature: rs.signature }),
);
out.replayVerifies = sdk.verifyResponseSignature({ publicKey: examples[0], nonce: "Another_nonce_0123", body: rs.body, signature: rs.signature });

// A minimal signed server on loopback, to drive the client over Node's own fetch.
const { publicKey, privateKey } = generateKeyPairSync("ed25519");
let tamper = false;
const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const h = (name) => req.headers[name.toLowerCase()];
    const canonical = { timestamp: h(sdk.HEADER_TIMESTAMP), nonce: h(sdk.HEADER_NONCE), path: req.url, body };
    const signed = sdk.requestSignatureMatches(rq.apiKey, canonical, h(sdk.HEADER_SIGNATURE) ?? "");
    const input = JSON.parse(body.toString("utf8"));
    const data = { valid: true, license: { id: "L1", status: "active", expiresAt: null }, session: { id: "S1", expiresAt: "2030-01-01T00:00:00.000Z" } };
    const answer = signed ? { ok: true, data } : { ok: false, error: { code: "INVALID_SIGNATURE", message: "bad signature" } };
    const text = JSON.stringify(answer);
    const signature = sdk.signResponse(privateKey, canonical.nonce, text);
    out.lastRequest = { path: req.url, input };
    res.writeHead(signed ? 200 : 401, { "content-type": "application/json", [sdk.HEADER_RESPONSE_SIGNATURE]: signature });
    res.end(tamper ? text.replace('"S1"', '"S2"') : text);
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const client = sdk.createLicenseClient({
  baseUrl: `http://127.0.0.1:${server.address().port}/licensing`,
  apiKey: rq.apiKey,
  productPublicKey: publicKey.export({ type: "spki", format: "pem" }),
});
const first = await client.authorize({ licenseKey: "GG-NODE", hwid: "h1" });
out.authorize = first.ok ? { ok: true, session: first.session.id } : { ok: false, code: first.code, message: first.message };
out.heartbeat = first.ok ? (await client.heartbeat(first.handle)).ok : null;
out.heartbeatBody = out.lastRequest.input;
tamper = true;
const tampered = await client.authorize({ licenseKey: "GG-NODE" });
out.tampered = tampered.ok ? "accepted" : tampered.code;
server.close();

// A webhook delivery signed as the server signs it, verified from the raw bytes.
const hookBody = Buffer.from('{"id":"e1","type":"license.created","createdAt":"2026-11-27T10:00:00.000Z","data":{}}');
const hookT = Math.floor(Date.now() / 1000);
const { createHmac } = await import("node:crypto");
const hookHeader = `t=${hookT},v1=${createHmac("sha256", "whsec_node").update(`${hookT}.`).update(hookBody).digest("hex")}`;
out.webhook = [sdk.verifyWebhook(hookBody, hookHeader, "whsec_node").valid, sdk.verifyWebhook(hookBody, hookHeader, "whsec_other").valid];

try {
  out.hwid = await sdk.deriveHwid({ salt: "node-check" });
} catch (error) {
  out.hwid = error.name;
}
console.log(JSON.stringify(out));
