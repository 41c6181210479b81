/**
 * The worked examples printed in packages/sdk/README.md. The expected values were
 * computed independently with Python's hashlib/hmac and the `cryptography` package,
 * not with this SDK. The keys are demo keys: never use them for a real product.
 */

export const REQUEST_EXAMPLE = {
  apiKey: "gg_7k3m9p2q4r6s_O8JA6FGmGcJdrnaFHMx9tKTLPvXuKV2m3OZL6w4AwyQ",
  timestamp: 1795773600, // 2026-11-27T10:00:00Z
  nonce: "Xq3_tR8-vLm2Np5Kw9Zb",
  path: "/v1/licenses/authorize",
  body: '{"licenseKey":"GG-4F7QK-9XH2M-T6RBD-C3W8N-PJ5VA","hwid":"demo-hwid-01","appVersion":"1.2.3"}',
  bodySha256: "e55f5df8eeacd6f32beeb2176a87ce535549547f89241545156276288bc5d566",
  signature: "872175be21714eaae6d40ee07869cde6895470d31b938b7a6cbb11f51d9fbcd5",
  /** Same request, base URL `https://host/licensing`: the prefix is part of the signed path. */
  prefixedPath: "/licensing/v1/licenses/authorize",
  prefixedSignature: "d988687507387db8c311c6ac23978e2bc480b16a0403f50d09796da2da6d2f0c",
} as const;

export const RESPONSE_EXAMPLE = {
  /** PKCS#8 of the seed sha256("geckoguard worked example response key"). */
  privateKeyPem: "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIMhzes9QzhBRQ22Lp2g+pbSLjd9V4bqsaKtP2TbOHLQX\n-----END PRIVATE KEY-----\n",
  publicKeyPem: "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAzsPj+E+lbkRhfxhdp7V4lN1dn0ealBeLocnBLuXLA/Q=\n-----END PUBLIC KEY-----\n",
  publicKeyJwk: { kty: "OKP", crv: "Ed25519", x: "zsPj-E-lbkRhfxhdp7V4lN1dn0ealBeLocnBLuXLA_Q" },
  nonce: "Xq3_tR8-vLm2Np5Kw9Zb",
  body:
    '{"ok":true,"data":{"valid":true,"license":{"id":"019ac4e2-7b00-7a3c-9d1e-2f4a6b8c0d1e","status":"active",' +
    '"expiresAt":"2027-11-27T10:00:00.000Z"},"session":{"id":"019ac4e2-7b10-7f00-8a11-3c5d7e9f1a2b",' +
    '"expiresAt":"2026-11-27T10:05:00.000Z"}}}',
  signature: "7nBLm_6LHPy-8w3Tp6yeqs8QofNpKbjIdlkD0EHOJ_qGK-eiC3a3Zeqp40--tM9xq1Uh2u_cu86KtLV4cZP0Bg",
} as const;
