import { expect, test } from "bun:test";
import { generateKeyPairSync } from "node:crypto";
import { createLicenseClient } from "./client.ts";
import type { Answer } from "./testing/fake-authorize-server.ts";
import { API_KEY, setup, VALID_KEY } from "./testing/client-fixture.ts";

const untrusted = { ok: false, code: "RESPONSE_SIGNATURE_INVALID", kind: "untrusted" };

test("a recorded valid answer replayed to a later request is rejected", async () => {
  const { server, client } = setup();
  expect((await client.authorize({ licenseKey: VALID_KEY })).ok).toBe(true);
  const recorded = server.answers[0]!;
  server.rewrite = () => recorded; // a cracking proxy answering every call with the old "valid"
  expect(await client.authorize({ licenseKey: "GG-LICENSE_REVOKED" })).toMatchObject(untrusted);
  expect(await client.authorize({ licenseKey: VALID_KEY })).toMatchObject(untrusted);
});

test("a denial rewritten into a success keeps its signature but fails verification", async () => {
  const { server, client } = setup();
  expect((await client.authorize({ licenseKey: VALID_KEY })).ok).toBe(true);
  const validBody = server.answers[0]!.body;
  server.rewrite = (answer) => ({ ...answer, status: 200, body: validBody });
  expect(await client.authorize({ licenseKey: "GG-LICENSE_EXPIRED" })).toMatchObject({ ...untrusted, status: 200 });
});

test("a tampered success body is rejected", async () => {
  const { server, client } = setup();
  server.rewrite = (answer) => ({ ...answer, body: answer.body.replace("2027-11-27", "2099-11-27") });
  expect(await client.authorize({ licenseKey: VALID_KEY })).toMatchObject(untrusted);
});

test("a success without X-GG-Response-Signature is rejected", async () => {
  const { server, client } = setup();
  server.rewrite = (answer): Answer => ({ ...answer, headers: { "content-type": "application/json" } });
  const result = await client.authorize({ licenseKey: VALID_KEY });
  expect(result).toMatchObject({ ...untrusted, status: 200 });
  expect(result.ok ? "" : result.message).toContain("no X-GG-Response-Signature");
});

test("answers signed by another product's key are rejected", async () => {
  const { server } = setup();
  const otherKey = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
  const client = createLicenseClient({ baseUrl: server.baseUrl, apiKey: API_KEY, productPublicKey: otherKey });
  expect(await client.authorize({ licenseKey: VALID_KEY })).toMatchObject(untrusted);
  expect(await client.authorize({ licenseKey: "GG-LICENSE_FROZEN" })).toMatchObject({ ...untrusted, claimedCode: "LICENSE_FROZEN" });
});

test("a correctly signed success that lacks the session is INVALID_RESPONSE, not ok", async () => {
  const { server, client } = setup();
  server.rewrite = (answer, _i, request) => {
    const body = JSON.stringify({ ok: true, data: { valid: true, license: { id: "x", status: "active", expiresAt: null } } });
    const nonce = request.headers.get("x-gg-nonce") ?? "";
    return { ...answer, body, headers: { "x-gg-response-signature": server.sign(nonce, body) } };
  };
  expect(await client.authorize({ licenseKey: VALID_KEY })).toMatchObject({ ok: false, code: "INVALID_RESPONSE", kind: "untrusted" });
});
