import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { randomUUID } from "node:crypto";
import { apiClient, type Api } from "./support/http-client.ts";
import type { RunningServer } from "./support/server-process.ts";
import { startWebhookServer } from "./support/webhook-server.ts";
import { startReceiver, type Receiver } from "./support/webhook-receiver.ts";
import { webhooksPath } from "./support/webhook-endpoints.ts";
import { answerVerifies, authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";
import { releaseCall } from "./support/signed-release.ts";

/** POST /v1/licenses/release (docs/authorize.md#releasing-a-session), against the real server. */

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
const sessionsOf = async (f: Fixture, index = 0) =>
  (await api("GET", `/v1/dashboard/licenses/${f.licenses[index]!.id}/sessions`, { token: f.owner.token })).body.data.sessions as { id: string }[];
const open = async (f: Fixture, index = 0) => {
  const answer = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[index]!.key, hwid: "release-machine" });
  expect(answer.status).toBe(200);
  return answer.body.data.session.id as string;
};

describe("POST /v1/licenses/release", () => {
  test("ends the session at once (its slot is free, its heartbeat is refused), signed; a second release answers the same", async () => {
    const f = await authorizeFixture(api, { maxSessions: 1 });
    const subscribed = await api("POST", webhooksPath(f.productId), { token: f.owner.token, body: { url: hooks.url, events: ["session.revoked"] } });
    expect(subscribed.status).toBe(201);
    const key = f.licenses[0]!.key;
    const sessionId = await open(f);
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key, hwid: "release-machine" })).body.error.code).toBe("MAX_SESSIONS_REACHED");

    const released = await releaseCall(server.baseUrl, f.apiKey, { licenseKey: key, sessionId });
    expect(released.status).toBe(200);
    expect(released.body).toEqual({ ok: true, data: { released: true } });
    expect(answerVerifies(f.publicKey, released.nonce, released.raw, released.signature)).toBe(true);
    expect(await sessionsOf(f)).toEqual([]);
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key, hwid: "release-machine", sessionId })).body.error.code).toBe("SESSION_REVOKED");

    const again = await releaseCall(server.baseUrl, f.apiKey, { licenseKey: key, sessionId });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ok: true, data: { released: true } });
    expect(answerVerifies(f.publicKey, again.nonce, again.raw, again.signature)).toBe(true);
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key, hwid: "release-machine" })).status).toBe(200);

    const [event] = (await hooks.waitFor(1)).map(({ body }) => JSON.parse(body));
    await Bun.sleep(300); // the second release ended nothing: no second event
    expect(hooks.received).toHaveLength(1);
    expect(event).toMatchObject({ type: "session.revoked", data: { session: { id: sessionId }, license: { id: f.licenses[0]!.id, key, productId: f.productId } } });
    expect(event.data.session.revokedAt).not.toBeNull();
  });

  test("a foreign or unknown session id answers the signed SESSION_REVOKED and changes nothing", async () => {
    const f = await authorizeFixture(api, { maxSessions: 2 }, 2);
    const mine = await open(f, 0);
    const theirs = await open(f, 1);
    for (const sessionId of [theirs, randomUUID()]) {
      const answer = await releaseCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, sessionId });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe("SESSION_REVOKED");
      expect(answerVerifies(f.publicKey, answer.nonce, answer.raw, answer.signature)).toBe(true);
    }
    expect((await sessionsOf(f, 0)).map((s) => s.id)).toEqual([mine]);
    expect((await sessionsOf(f, 1)).map((s) => s.id)).toEqual([theirs]);
    // Another product's key cannot reach this license at all.
    const other = await authorizeFixture(api);
    const foreignKey = await releaseCall(server.baseUrl, other.apiKey, { licenseKey: f.licenses[0]!.key, sessionId: mine });
    expect(foreignKey.body.error.code).toBe("LICENSE_NOT_FOUND");
    expect((await sessionsOf(f, 0)).map((s) => s.id)).toEqual([mine]);
  });

  test("bad input and bad signatures: the same codes as authorize, signed once the key is known, nothing ends", async () => {
    const f = await authorizeFixture(api);
    const licenseKey = f.licenses[0]!.key;
    const sessionId = await open(f);
    const cases: [object, number, string][] = [
      [{ licenseKey }, 400, "VALIDATION_ERROR"],
      [{ licenseKey, sessionId: "not-a-uuid" }, 400, "VALIDATION_ERROR"],
      [{ licenseKey: "GG-NOT-THERE", sessionId }, 404, "LICENSE_NOT_FOUND"],
    ];
    for (const [body, status, code] of cases) {
      const answer = await releaseCall(server.baseUrl, f.apiKey, body);
      expect([answer.status, answer.body.error.code]).toEqual([status, code]);
      expect(answerVerifies(f.publicKey, answer.nonce, answer.raw, answer.signature)).toBe(true);
    }
    // Signed over the authorize path: the signature does not match this call.
    const wrongPath = await releaseCall(server.baseUrl, f.apiKey, { licenseKey, sessionId }, { path: "/v1/licenses/authorize" });
    expect([wrongPath.status, wrongPath.body.error.code]).toEqual([401, "INVALID_SIGNATURE"]);
    const unknownKey = await releaseCall(server.baseUrl, "gg_unknown0000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", { licenseKey, sessionId });
    expect([unknownKey.status, unknownKey.body.error.code, unknownKey.signature]).toEqual([401, "UNAUTHORIZED", null]);
    const first = await releaseCall(server.baseUrl, f.apiKey, { licenseKey: "GG-NOT-THERE", sessionId }, { nonce: "release-nonce-000001" });
    expect(first.body.error.code).toBe("LICENSE_NOT_FOUND");
    const replayed = await releaseCall(server.baseUrl, f.apiKey, { licenseKey, sessionId }, { nonce: "release-nonce-000001" });
    expect(replayed.body.error.code).toBe("NONCE_REUSED");
    expect((await sessionsOf(f)).map((s) => s.id)).toEqual([sessionId]);
  });

  test("a revoked, frozen or expired license may still give its session back", async () => {
    const f = await authorizeFixture(api, { maxSessions: 3 }, 3);
    const sessions = [await open(f, 0), await open(f, 1), await open(f, 2)];
    await api("POST", `/v1/dashboard/licenses/${f.licenses[0]!.id}/revoke`, { token: f.owner.token });
    await api("PATCH", `/v1/dashboard/licenses/${f.licenses[1]!.id}`, { token: f.owner.token, body: { frozen: true } });
    await api("PATCH", `/v1/dashboard/licenses/${f.licenses[2]!.id}`, { token: f.owner.token, body: { expiresAt: "2020-01-01T00:00:00.000Z" } });
    for (const [index, sessionId] of sessions.entries()) {
      const answer = await releaseCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[index]!.key, sessionId });
      expect(answer.body).toEqual({ ok: true, data: { released: true } });
    }
  });
});
