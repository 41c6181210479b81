import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { apiClient, type Api } from "./support/http-client.ts";
import { startWebhookServer } from "./support/webhook-server.ts";
import type { RunningServer } from "./support/server-process.ts";
import { startReceiver, type Receiver } from "./support/webhook-receiver.ts";
import { webhooksPath } from "./support/webhook-endpoints.ts";
import { answerVerifies, authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";
import { LATEST_VERSION_PATH, signedCall } from "./support/signed-session-calls.ts";
import { issueApiKey, joinOrg, withKey } from "./support/api-keys.ts";

/** App versions (docs/versions.md) against the real server: releases, authorize with appVersion, the latest-version call. */

let server: RunningServer;
let api: Api;
let hooks: Receiver;
beforeAll(async () => {
  server = await startWebhookServer();
  api = apiClient(server.baseUrl);
  hooks = startReceiver();
});
afterAll(async () => {
  hooks.stop();
  await server.stop();
});

type Fixture = Awaited<ReturnType<typeof authorizeFixture>>;
const release = (f: Fixture, body: object) => api("POST", `/v1/dashboard/products/${f.productId}/versions`, { token: f.owner.token, body });
const authorizeAt = (f: Fixture, appVersion: string, index = 0) => authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[index]!.key, hwid: `m-${index}`, appVersion });

describe("app versions", () => {
  test("lists newest semver first with pre-releases in order; invalid and duplicate versions are clear errors", async () => {
    const f = await authorizeFixture(api);
    for (const version of ["1.0.0", "1.10.0", "1.2.0", "2.0.0-beta.2", "2.0.0-beta.10", "2.0.0-alpha", "v2.0.0"]) expect((await release(f, { version })).status).toBe(201);
    expect((await release(f, { version: "1.0.0", channel: "beta" })).status).toBe(201);
    const list = await api("GET", `/v1/dashboard/products/${f.productId}/versions?channel=stable`, { token: f.owner.token });
    expect(list.body.data.versions.map((v: { version: string }) => v.version)).toEqual(["2.0.0", "2.0.0-beta.10", "2.0.0-beta.2", "2.0.0-alpha", "1.10.0", "1.2.0", "1.0.0"]);
    expect(list.body.data.pagination.total).toBe(7);

    const invalid = await release(f, { version: "1.2" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details).toEqual([{ path: "/version", message: "Expected a semver 2.0 version, e.g. 1.4.0 or 2.0.0-beta.1" }]);
    const duplicate = await release(f, { version: "1.2.0+build.7" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe("Version 1.2.0 already exists in channel 'stable'");
    const after = await api("GET", `/v1/dashboard/products/${f.productId}/versions`, { token: f.owner.token });
    expect(after.body.data.pagination.total).toBe(8);
  });

  test("authorize with appVersion: UPDATE_REQUIRED below the newest required version, VERSION_YANKED, VERSION_UNKNOWN only when the policy says so; success carries update", async () => {
    const f = await authorizeFixture(api, { maxSessions: 50 }, 2);
    await release(f, { version: "1.0.0" });
    await release(f, { version: "1.1.0", required: true });
    const yanked = await release(f, { version: "1.2.0" });
    await release(f, { version: "1.3.0", notes: "Faster" });
    await api("POST", `/v1/dashboard/products/${f.productId}/versions/${yanked.body.data.version.id}/yank`, { token: f.owner.token });

    const old = await authorizeAt(f, "1.0.0");
    expect(old.status).toBe(403);
    expect(old.body.error).toEqual({
      code: "UPDATE_REQUIRED",
      message: "This version is no longer supported: update to 1.1.0 or later",
      details: [{ path: "/minimumVersion", message: "1.1.0" }, { path: "/latestVersion", message: "1.3.0" }],
    });
    expect(answerVerifies(f.publicKey, old.nonce, old.raw, old.signature)).toBe(true);
    expect((await authorizeAt(f, "1.2.0")).body.error.code).toBe("VERSION_YANKED");

    const current = await authorizeAt(f, "1.1.0");
    expect(current.status).toBe(200);
    expect(current.body.data.update).toEqual({ latest: "1.3.0", available: true, required: false });
    expect((await authorizeAt(f, "1.3.0")).body.data.update).toEqual({ latest: "1.3.0", available: false, required: false });
    expect((await authorizeAt(f, "9.9.9")).status).toBe(200); // unknown, allowed by default
    const noVersion = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "m-0" });
    expect(noVersion.body.data.update).toBeUndefined();

    await api("PATCH", `/v1/dashboard/products/${f.productId}`, { token: f.owner.token, body: { policy: { rejectUnknownVersions: true } } });
    const unknown = await authorizeAt(f, "9.9.9");
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.code).toBe("VERSION_UNKNOWN");
    expect((await authorizeAt(f, "not-semver")).body.error.code).toBe("UPDATE_REQUIRED");
  });

  test("channels and updatesUntil: a beta license sees beta releases; a license past updatesUntil is not entitled and not forced past it", async () => {
    const f = await authorizeFixture(api, { maxSessions: 50 }, 2);
    const until = new Date(Date.now() + 600_000).toISOString();
    await release(f, { version: "1.0.0", releasedAt: new Date(Date.now() - 86_400_000).toISOString() });
    await release(f, { version: "2.0.0", required: true, releasedAt: new Date(Date.now() + 86_400_000).toISOString() });
    await release(f, { version: "3.0.0-beta.1", channel: "beta" });
    const patched = await api("PATCH", `/v1/dashboard/licenses/${f.licenses[1]!.id}`, { token: f.owner.token, body: { channels: ["stable", "beta"], updatesUntil: until } });
    expect(patched.status).toBe(200);
    expect(patched.body.data.license).toMatchObject({ channels: ["stable", "beta"], updatesUntil: until });

    expect((await authorizeAt(f, "1.0.0", 0)).body.error.code).toBe("UPDATE_REQUIRED"); // entitled to 2.0.0
    const perpetual = await authorizeAt(f, "1.0.0", 1);
    expect(perpetual.status).toBe(200); // 2.0.0 came after its updatesUntil
    expect(perpetual.body.data.update).toEqual({ latest: "3.0.0-beta.1", available: true, required: false });

    const sessionId = perpetual.body.data.session.id;
    const latest = await signedCall(server.baseUrl, f.apiKey, LATEST_VERSION_PATH, { licenseKey: f.licenses[1]!.key, sessionId, currentVersion: "1.0.0", channel: "stable" });
    expect(latest.status).toBe(200);
    expect(answerVerifies(f.publicKey, latest.nonce, latest.raw, latest.signature)).toBe(true);
    expect(latest.body.data).toMatchObject({ latest: { version: "2.0.0", channel: "stable", notes: null, fileId: null }, updateAvailable: true, entitled: false });
    const beta = await signedCall(server.baseUrl, f.apiKey, LATEST_VERSION_PATH, { licenseKey: f.licenses[1]!.key, sessionId, currentVersion: "3.0.0-beta.1" });
    expect(beta.body.data).toMatchObject({ latest: { version: "3.0.0-beta.1", channel: "beta" }, updateAvailable: false, entitled: true });
    const notFollowed = await signedCall(server.baseUrl, f.apiKey, LATEST_VERSION_PATH, { licenseKey: f.licenses[1]!.key, sessionId, currentVersion: "1.0.0", channel: "nightly" });
    expect(notFollowed.status).toBe(400);
    const badVersion = await signedCall(server.baseUrl, f.apiKey, LATEST_VERSION_PATH, { licenseKey: f.licenses[1]!.key, sessionId, currentVersion: "one" });
    expect(badVersion.body.error.details).toEqual([{ path: "/currentVersion", message: "Expected a semver 2.0 version" }]);
    const noSession = await signedCall(server.baseUrl, f.apiKey, LATEST_VERSION_PATH, { licenseKey: f.licenses[0]!.key, sessionId, currentVersion: "1.0.0" });
    expect(noSession.body.error.code).toBe("SESSION_REVOKED");
  });

  test("patch, yank, events, roles and management scopes", async () => {
    const f = await authorizeFixture(api);
    expect((await api("POST", webhooksPath(f.productId), { token: f.owner.token, body: { url: hooks.url, events: ["version.released", "version.yanked"] } })).status).toBe(201);
    const created = await release(f, { version: "1.0.0", notes: "First" });
    const id = created.body.data.version.id;
    const patched = await api("PATCH", `/v1/dashboard/products/${f.productId}/versions/${id}`, { token: f.owner.token, body: { notes: "First!", required: true } });
    expect(patched.body.data.version).toMatchObject({ version: "1.0.0", notes: "First!", required: true, yanked: false });
    const yanked = await api("POST", `/v1/dashboard/products/${f.productId}/versions/${id}/yank`, { token: f.owner.token });
    expect(yanked.body.data.version.yanked).toBe(true);
    expect((await api("POST", `/v1/dashboard/products/${f.productId}/versions/${id}/yank`, { token: f.owner.token })).status).toBe(200);
    const events = (await hooks.waitFor(2)).map(({ body }) => JSON.parse(body));
    expect(events.map((e) => e.type).sort()).toEqual(["version.released", "version.yanked"]);
    expect(events.find((e) => e.type === "version.yanked").data.version).toMatchObject({ id, version: "1.0.0", yanked: true });

    const member = await joinOrg(api, f.owner.token, f.orgId, "member");
    expect((await api("GET", `/v1/dashboard/products/${f.productId}/versions/${id}`, { token: member })).status).toBe(200);
    expect((await api("POST", `/v1/dashboard/products/${f.productId}/versions`, { token: member, body: { version: "2.0.0" } })).body.error.code).toBe("PERMISSION_DENIED");

    const { key } = await issueApiKey(api, f.owner.token, f.productId, ["version:read", "version:write"]);
    expect((await api("POST", `/v1/products/${f.productId}/versions`, withKey(key, { body: { version: "2.0.0", channel: "beta" } }))).status).toBe(201);
    expect((await api("GET", `/v1/products/${f.productId}/versions`, withKey(key))).body.data.versions).toHaveLength(2);
    expect((await api("GET", `/v1/products/${f.productId}/versions`, withKey(f.apiKey))).body.error.code).toBe("PERMISSION_DENIED");
    expect((await api("GET", `/v1/products/${f.productId}/versions/${crypto.randomUUID()}`, withKey(key))).status).toBe(404);

    const audit = await api("GET", `/v1/dashboard/orgs/${f.orgId}/audit-log`, { token: f.owner.token });
    const actions = audit.body.data.entries.filter((e: { resource: { type: string } }) => e.resource.type === "version");
    expect(actions.map((e: { action: string; actor: { type: string } }) => [e.action, e.actor.type])).toEqual([
      ["version.released", "api_key"],
      ["version.yanked", "user"],
      ["version.updated", "user"],
      ["version.released", "user"],
    ]);
    expect(actions[2].changes).toEqual({ notes: ["First", "First!"], required: [false, true] });
  });
});
