import { expect, test } from "bun:test";
import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { generateSigningKeyPair } from "./signing-keys.ts";

test("the generated pair signs and verifies Ed25519, and pairs differ", () => {
  const a = generateSigningKeyPair();
  const b = generateSigningKeyPair();
  expect(a.publicKeyPem).toStartWith("-----BEGIN PUBLIC KEY-----");
  expect(a.publicKeyPem).not.toBe(b.publicKeyPem);
  const message = Buffer.from("nonce\n{}");
  const signature = sign(null, message, createPrivateKey(a.privateKeyPem));
  expect(verify(null, message, createPublicKey(a.publicKeyPem), signature)).toBe(true);
  expect(verify(null, message, createPublicKey(b.publicKeyPem), signature)).toBe(false);
});
