import { afterAll, beforeAll, expect, test } from "bun:test";
import { createLicenseClient, LicenseClientConfigError } from "@geckoguard/sdk";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { authorizeFixture } from "./support/signed-authorize.ts";

/** client.variables() and client.checkForUpdate() against the real server: verified like authorize answers. */

let server: RunningServer;
let api: Api;
let f: Awaited<ReturnType<typeof authorizeFixture>>;
let otherProductKey: string;

beforeAll(async () => {
  server = await startServer();
  api = apiClient(server.baseUrl);
  f = await authorizeFixture(api, { maxSessions: 10 }, 2);
  otherProductKey = (await authorizeFixture(api)).publicKey;
  await api("PUT", `/v1/dashboard/products/${f.productId}/variables/theme`, { token: f.owner.token, body: { value: "dark" } });
  for (const body of [{ version: "1.0.0" }, { version: "1.1.0", required: true }, { version: "1.2.0" }]) {
    await api("POST", `/v1/dashboard/products/${f.productId}/versions`, { token: f.owner.token, body });
  }
});
afterAll(() => server.stop());

const client = (productPublicKey = f.publicKey) => createLicenseClient({ baseUrl: server.baseUrl, apiKey: f.apiKey, productPublicKey });

test("variables and checkForUpdate for a session handle; authorize carries update; a below-minimum version is a denial", async () => {
  const opened = await client().authorize({ licenseKey: f.licenses[0]!.key, hwid: "sdk-app-data", appVersion: "1.1.0" });
  if (!opened.ok) throw new Error(`expected a valid answer, got ${opened.code}`);
  expect(opened.update).toEqual({ latest: "1.2.0", available: true, required: false });
  expect(await client().variables(undefined, opened.handle)).toEqual({ ok: true, variables: { theme: "dark" } });
  expect(await client().checkForUpdate({ session: opened.handle })).toMatchObject({ ok: true, latest: { version: "1.2.0", channel: "stable" }, updateAvailable: true, entitled: true });
  const old = await client().authorize({ licenseKey: f.licenses[1]!.key, hwid: "sdk-app-data", appVersion: "1.0.0" });
  expect(old).toMatchObject({ ok: false, code: "UPDATE_REQUIRED", kind: "denied" });
});

test("an answer signed by another product's key is never data", async () => {
  const opened = await client().authorize({ licenseKey: f.licenses[0]!.key, hwid: "sdk-app-data", appVersion: "1.2.0" });
  if (!opened.ok) throw new Error(`expected a valid answer, got ${opened.code}`);
  expect(await client(otherProductKey).variables(["theme"], opened.handle)).toMatchObject({ ok: false, code: "RESPONSE_SIGNATURE_INVALID" });
  expect(await client(otherProductKey).checkForUpdate({ session: opened.handle })).toMatchObject({ ok: false, code: "RESPONSE_SIGNATURE_INVALID" });
});

test("without a session the calls are a configuration error", async () => {
  await expect(client().variables()).rejects.toBeInstanceOf(LicenseClientConfigError);
  await expect(client().checkForUpdate()).rejects.toBeInstanceOf(LicenseClientConfigError);
});
