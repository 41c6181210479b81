import { expect, test } from "bun:test";
import { isValidNonce } from "./signing.ts";
import { createLicenseClient } from "./client.ts";
import { API_KEY, setup, VALID_KEY } from "./testing/client-fixture.ts";

test("authorize opens a session and heartbeat extends it, both verified", async () => {
  const { server, client } = setup();
  const opened = await client.authorize({ licenseKey: VALID_KEY, hwid: "hwid-1", appVersion: "2.0.0" });
  if (!opened.ok) throw new Error(`expected success, got ${opened.code}: ${opened.message}`);
  expect(opened.license).toMatchObject({ id: "019ac4e2-7b00-7a3c-9d1e-2f4a6b8c0d1e", status: "active", expiresAt: "2027-11-27T10:00:00.000Z" });
  expect(opened.session.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(opened.handle).toEqual({ licenseKey: VALID_KEY, hwid: "hwid-1", appVersion: "2.0.0", sessionId: opened.session.id });

  const extended = await client.heartbeat(opened.handle);
  expect(extended.ok).toBe(true);
  expect(extended.ok && extended.session.id).toBe(opened.session.id);

  const [first, second] = server.requests.map((r) => JSON.parse(new TextDecoder().decode(r.body)));
  expect(first).toEqual({ licenseKey: VALID_KEY, hwid: "hwid-1", appVersion: "2.0.0" });
  expect(second).toEqual({ licenseKey: VALID_KEY, hwid: "hwid-1", appVersion: "2.0.0", sessionId: opened.session.id });
});

test("every call sends the four signed headers with a fresh nonce", async () => {
  const { server, client } = setup();
  for (let i = 0; i < 3; i++) expect((await client.authorize({ licenseKey: VALID_KEY })).ok).toBe(true);
  const nonces = server.requests.map((r) => r.headers.get("x-gg-nonce") ?? "");
  expect(nonces.every(isValidNonce)).toBe(true);
  expect(new Set(nonces).size).toBe(3);
  const headers = server.requests[0]!.headers;
  expect(headers.get("x-api-key")).toStartWith("gg_");
  expect(headers.get("x-gg-timestamp")).toMatch(/^\d+$/);
  expect(headers.get("x-gg-signature")).toMatch(/^[0-9a-f]{64}$/);
  expect(headers.get("content-type")).toBe("application/json");
});

test("optional fields left out are absent from the signed body", async () => {
  const { server, client } = setup();
  expect((await client.authorize({ licenseKey: VALID_KEY })).ok).toBe(true);
  expect(new TextDecoder().decode(server.requests[0]!.body)).toBe(`{"licenseKey":"${VALID_KEY}"}`);
});

test("a base URL with a path prefix signs the prefixed path", async () => {
  const { server, client } = setup({ pathPrefix: "/licensing" });
  const prefixed = await client.authorize({ licenseKey: VALID_KEY });
  expect(prefixed.ok).toBe(true);
  expect(server.requests[0]!.path).toBe("/licensing/v1/licenses/authorize");
  const trailing = createLicenseClient({ baseUrl: `${server.baseUrl}/`, apiKey: API_KEY, productPublicKey: server.publicKey });
  expect((await trailing.authorize({ licenseKey: VALID_KEY })).ok).toBe(true);
  expect(server.requests[1]!.path).toBe("/licensing/v1/licenses/authorize");
});

test("the injected clock sets X-GG-Timestamp and a custom fetch is used", async () => {
  let calls = 0;
  const nowMs = Date.now() - 120_000; // two minutes slow: still inside the ±300 s window
  const { server, client } = setup({
    client: { clock: { now: () => nowMs }, fetch: (url, init) => (calls++, fetch(url, init)) },
  });
  expect((await client.authorize({ licenseKey: VALID_KEY })).ok).toBe(true);
  expect(calls).toBe(1);
  expect(server.requests[0]!.headers.get("x-gg-timestamp")).toBe(String(Math.floor(nowMs / 1000)));
});

test("the device's name and platform go in the signed body and stay in the handle for heartbeats", async () => {
  const { server, client } = setup();
  const opened = await client.authorize({ licenseKey: VALID_KEY, hwid: "hwid-1", deviceName: "Ada's laptop", devicePlatform: "linux-x64" });
  if (!opened.ok) throw new Error(`expected success, got ${opened.code}`);
  expect(opened.handle).toEqual({ licenseKey: VALID_KEY, hwid: "hwid-1", deviceName: "Ada's laptop", devicePlatform: "linux-x64", sessionId: opened.session.id });
  expect(JSON.parse(new TextDecoder().decode(server.requests[0]!.body))).toEqual({ licenseKey: VALID_KEY, hwid: "hwid-1", deviceName: "Ada's laptop", devicePlatform: "linux-x64" });
});
