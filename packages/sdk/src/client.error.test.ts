import { expect, test } from "bun:test";
import { createLicenseClient } from "./client.ts";
import { LicenseClientConfigError } from "./errors.ts";
import { API_KEY, BUSY_KEY, LICENSE_DENIALS, setup, VALID_KEY } from "./testing/client-fixture.ts";

test.each(LICENSE_DENIALS)("a signed %s surfaces as a typed denial", async (code) => {
  const { client } = setup();
  const result = await client.authorize({ licenseKey: `GG-${code}`, hwid: "h" });
  expect(result).toMatchObject({ ok: false, code, kind: "denied", status: 403, claimedCode: null });
});

test("an unknown license key is LICENSE_NOT_FOUND", async () => {
  const { client } = setup();
  expect(await client.authorize({ licenseKey: "GG-NOPE" })).toMatchObject({ ok: false, code: "LICENSE_NOT_FOUND", kind: "denied", status: 404 });
});

test("a heartbeat on a killed session is SESSION_REVOKED", async () => {
  const { server, client } = setup();
  const opened = await client.authorize({ licenseKey: VALID_KEY });
  if (!opened.ok) throw new Error(opened.message);
  server.killSession(opened.session.id);
  expect(await client.heartbeat(opened.handle)).toMatchObject({ ok: false, code: "SESSION_REVOKED", kind: "denied" });
});

test("429 RATE_LIMITED carries retryAfterSeconds from Retry-After", async () => {
  const { client } = setup();
  const result = await client.authorize({ licenseKey: BUSY_KEY });
  expect(result).toMatchObject({ ok: false, code: "RATE_LIMITED", kind: "retry", status: 429, retryAfterSeconds: 17 });
});

test("a clock ten minutes off is TIMESTAMP_OUT_OF_RANGE", async () => {
  const { client } = setup({ client: { clock: { now: () => Date.now() - 600_000 } } });
  expect(await client.authorize({ licenseKey: VALID_KEY })).toMatchObject({ code: "TIMESTAMP_OUT_OF_RANGE", kind: "rejected", status: 401 });
});

test("a request body altered after signing is INVALID_SIGNATURE", async () => {
  const { client } = setup({
    client: { fetch: (url, init) => fetch(url, { ...init, body: `{"licenseKey":"${VALID_KEY}","hwid":"other"}` }) },
  });
  expect(await client.authorize({ licenseKey: VALID_KEY, hwid: "mine" })).toMatchObject({ code: "INVALID_SIGNATURE", kind: "rejected" });
});

test("an unknown API key gets an unsigned 401: an integration failure naming the key, never untrusted", async () => {
  const { client } = setup({ client: { apiKey: `${API_KEY}x` } });
  const result = await client.authorize({ licenseKey: VALID_KEY });
  expect(result).toMatchObject({ ok: false, code: "UNAUTHORIZED", kind: "rejected", status: 401, claimedCode: "UNAUTHORIZED" });
  expect(result.ok ? "" : result.message).toContain("apiKey");
});

test("no answer within timeoutMs is TIMEOUT", async () => {
  const { server, client } = setup({ client: { timeoutMs: 100 } });
  server.hang = true;
  expect(await client.authorize({ licenseKey: VALID_KEY })).toMatchObject({ ok: false, code: "TIMEOUT", kind: "retry", status: null });
});

test("a refused connection is NETWORK_ERROR", async () => {
  const { server } = setup();
  const client = createLicenseClient({ baseUrl: server.baseUrl, apiKey: API_KEY, productPublicKey: server.publicKey });
  await server.stop();
  expect(await client.authorize({ licenseKey: VALID_KEY })).toMatchObject({ ok: false, code: "NETWORK_ERROR", kind: "retry", status: null });
});

test("bad options throw LicenseClientConfigError at creation", () => {
  const { server } = setup();
  const good = { baseUrl: server.baseUrl, apiKey: API_KEY, productPublicKey: server.publicKey };
  const bad = [
    { baseUrl: "not a url" },
    { baseUrl: "ftp://127.0.0.1" },
    { baseUrl: `${server.baseUrl}?tenant=1` },
    { apiKey: "" },
    { productPublicKey: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----" },
    { timeoutMs: 0 },
  ];
  for (const override of bad) expect(() => createLicenseClient({ ...good, ...override })).toThrow(LicenseClientConfigError);
});
