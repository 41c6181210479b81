import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createLicenseClient, type AuthorizeResult } from "@geckoguard/sdk";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { authorizeFixture } from "./support/signed-authorize.ts";

let server: RunningServer;
let api: Api;
let f: Awaited<ReturnType<typeof authorizeFixture>>;
let otherProductKey: string;

beforeAll(async () => {
  server = await startServer();
  api = apiClient(server.baseUrl);
  f = await authorizeFixture(api, { maxHwids: 1, maxSessions: 10 }, 6);
  otherProductKey = (await authorizeFixture(api)).publicKey;
});
afterAll(async () => {
  await server.stop();
});

const client = (options: Partial<Parameters<typeof createLicenseClient>[0]> = {}) =>
  createLicenseClient({ baseUrl: server.baseUrl, apiKey: f.apiKey, productPublicKey: f.publicKey, ...options });
const codeOf = (result: AuthorizeResult) => (result.ok ? "valid" : result.code);

describe("the SDK against the real server", () => {
  test("valid authorize, heartbeat, and a killed session answers SESSION_REVOKED", async () => {
    const first = await client().authorize({ licenseKey: f.licenses[0]!.key, hwid: "sdk-machine" });
    if (!first.ok) throw new Error(`expected a valid answer, got ${first.code}`);
    const beat = await client().heartbeat(first.handle);
    expect(beat.ok && beat.session.id).toBe(first.session.id);
    await api("POST", `/v1/dashboard/licenses/${f.licenses[0]!.id}/sessions/${first.session.id}/revoke`, { token: f.owner.token });
    const killed = await client().heartbeat(first.handle);
    expect(killed).toMatchObject({ ok: false, code: "SESSION_REVOKED", kind: "denied" });
  });

  test("expired, revoked, frozen, HWID full and blacklisted IP come back as typed, signed denials", async () => {
    const token = f.owner.token;
    await api("PATCH", `/v1/dashboard/licenses/${f.licenses[1]!.id}`, { token, body: { expiresAt: "2021-01-01T00:00:00.000Z" } });
    await api("POST", `/v1/dashboard/licenses/${f.licenses[2]!.id}/revoke`, { token });
    await api("PATCH", `/v1/dashboard/licenses/${f.licenses[3]!.id}`, { token, body: { frozen: true } });
    expect(codeOf(await client().authorize({ licenseKey: f.licenses[4]!.key, hwid: "first-machine" }))).toBe("valid");
    expect(codeOf(await client().authorize({ licenseKey: f.licenses[1]!.key, hwid: "m" }))).toBe("LICENSE_EXPIRED");
    expect(codeOf(await client().authorize({ licenseKey: f.licenses[2]!.key, hwid: "m" }))).toBe("LICENSE_REVOKED");
    expect(codeOf(await client().authorize({ licenseKey: f.licenses[3]!.key, hwid: "m" }))).toBe("LICENSE_FROZEN");
    expect(codeOf(await client().authorize({ licenseKey: f.licenses[4]!.key, hwid: "second-machine" }))).toBe("HWID_MISMATCH");
    const listed = await api("POST", `/v1/dashboard/blacklists/products/${f.productId}`, { token, body: { type: "IP", value: "127.0.0.1" } });
    expect(listed.status).toBe(201);
    const blocked = await client().authorize({ licenseKey: f.licenses[5]!.key, hwid: "m" });
    expect(blocked).toMatchObject({ ok: false, code: "IP_BLACKLISTED", kind: "denied" });
    await api("DELETE", `/v1/dashboard/blacklists/products/${f.productId}/${listed.body.data.entry.id}`, { token });
  });

  test("a stale timestamp is refused by the server", async () => {
    const late = client({ clock: { now: () => Date.now() - 400_000 } });
    expect(codeOf(await late.authorize({ licenseKey: f.licenses[5]!.key, hwid: "m" }))).toBe("TIMESTAMP_OUT_OF_RANGE");
  });

  test("a replayed request (same nonce) is refused; a tampered body fails the signature", async () => {
    let captured: { url: string; init: RequestInit } | null = null;
    const recording = client({ fetch: (url, init) => ((captured = { url, init }), fetch(url, init)) });
    expect(codeOf(await recording.authorize({ licenseKey: f.licenses[5]!.key, hwid: "m" }))).toBe("valid");
    const replay = await fetch(captured!.url, captured!.init);
    expect(((await replay.json()) as any).error.code).toBe("NONCE_REUSED");
    const tampering = client({ fetch: (url, init) => fetch(url, { ...init, body: String(init.body).replace('"m"', '"x"') }) });
    expect(codeOf(await tampering.authorize({ licenseKey: f.licenses[5]!.key, hwid: "m" }))).toBe("INVALID_SIGNATURE");
  });

  test("an unknown API key is an integration failure (rejected, naming the key), not an untrusted answer", async () => {
    const unknown = client({ apiKey: `${f.apiKey.slice(0, -4)}zzzz` });
    const result = await unknown.authorize({ licenseKey: f.licenses[5]!.key, hwid: "m" });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHORIZED", kind: "rejected", status: 401, claimedCode: "UNAUTHORIZED" });
    expect(result.ok ? "" : result.message).toContain("apiKey");
  });

  test("with another product's public key every answer is untrusted, even a valid one", async () => {
    const wrongKey = client({ productPublicKey: otherProductKey });
    const result = await wrongKey.authorize({ licenseKey: f.licenses[5]!.key, hwid: "m" });
    expect(result).toMatchObject({ ok: false, code: "RESPONSE_SIGNATURE_INVALID", kind: "untrusted" });
  });
});
