import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { answerVerifies, authorizeCall, authorizeFixture, signedHeaders } from "./support/signed-authorize.ts";

let server: RunningServer;
let api: Api;
beforeAll(async () => {
  server = await startServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  await server.stop();
});

async function licenseOf(fixture: Awaited<ReturnType<typeof authorizeFixture>>, index = 0) {
  return (await api("GET", `/v1/dashboard/licenses/${fixture.licenses[index]!.id}`, { token: fixture.owner.token })).body.data.license;
}
/** Each answer's verdict: "200" or its denial code, so a race test sees every answer, not only the counts. */
function verdicts(answers: { status: number; body: any }[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const answer of answers) {
    const verdict = answer.status === 200 ? "200" : `${answer.status} ${answer.body?.error?.code}`;
    tally[verdict] = (tally[verdict] ?? 0) + 1;
  }
  return tally;
}

async function sessionsOf(fixture: Awaited<ReturnType<typeof authorizeFixture>>, index = 0) {
  return (await api("GET", `/v1/dashboard/licenses/${fixture.licenses[index]!.id}/sessions`, { token: fixture.owner.token })).body.data.sessions;
}

describe("POST /v1/licenses/authorize", () => {
  test("valid call: session opened, HWID bound, answer signed; heartbeat extends the same session", async () => {
    const f = await authorizeFixture(api);
    const first = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "machine-1", appVersion: "1.2.3" });
    expect(first.status).toBe(200);
    const sessionId = first.body.data.session.id as string;
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.body.data).toMatchObject({ valid: true, license: { id: f.licenses[0]!.id, status: "active" } });
    expect(answerVerifies(f.publicKey, first.nonce, first.raw, first.signature)).toBe(true);
    const beat = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "machine-1", sessionId });
    expect(beat.body.data.session.id).toBe(sessionId);
    expect((await licenseOf(f)).hwids).toEqual(["machine-1"]);
    expect(await sessionsOf(f)).toHaveLength(1);
  });

  test("a recorded valid answer fails verification when replayed against another nonce", async () => {
    const f = await authorizeFixture(api);
    const answer = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "m" });
    expect(answerVerifies(f.publicKey, answer.nonce, answer.raw, answer.signature)).toBe(true);
    expect(answerVerifies(f.publicKey, "another-nonce-123456", answer.raw, answer.signature)).toBe(false);
    expect(answerVerifies(f.publicKey, answer.nonce, answer.raw.replace("true", "false"), answer.signature)).toBe(false);
  });

  test("bad headers and bodies: clear codes, signed once the key is known, no state change", async () => {
    const f = await authorizeFixture(api);
    const body = { licenseKey: f.licenses[0]!.key, hwid: "machine-1" };
    const cases: [string, (r: { headers: Record<string, string>; raw: string }) => void, number, string][] = [
      ["missing API key", (r) => delete r.headers["x-api-key"], 401, "UNAUTHORIZED"],
      ["missing signature", (r) => delete r.headers["x-gg-signature"], 401, "INVALID_SIGNATURE"],
      ["stale timestamp", (r) => Object.assign(r.headers, signedHeaders(f.apiKey, r.raw, { timestamp: Math.floor(Date.now() / 1000) - 301 })), 401, "TIMESTAMP_OUT_OF_RANGE"],
      ["malformed timestamp", (r) => (r.headers["x-gg-timestamp"] = "soon"), 401, "TIMESTAMP_OUT_OF_RANGE"],
      ["nonce with bad characters", (r) => Object.assign(r.headers, signedHeaders(f.apiKey, r.raw, { nonce: "bad nonce!!!!!!!!!!!" })), 400, "VALIDATION_ERROR"],
      ["tampered body", (r) => (r.raw = r.raw.replace("machine-1", "machine-2")), 401, "INVALID_SIGNATURE"],
      ["non-UUID sessionId", (r) => { r.raw = JSON.stringify({ ...body, sessionId: "abc" }); Object.assign(r.headers, signedHeaders(f.apiKey, r.raw)); }, 400, "VALIDATION_ERROR"],
      ["HWID over 256 chars", (r) => { r.raw = JSON.stringify({ ...body, hwid: "h".repeat(257) }); Object.assign(r.headers, signedHeaders(f.apiKey, r.raw)); }, 400, "VALIDATION_ERROR"],
      ["2 MB body", (r) => { r.raw = JSON.stringify({ ...body, pad: "x".repeat(2 * 1024 * 1024) }); Object.assign(r.headers, signedHeaders(f.apiKey, r.raw)); }, 413, "PAYLOAD_TOO_LARGE"],
    ];
    for (const [name, tamper, status, code] of cases) {
      const answer = await authorizeCall(server.baseUrl, f.apiKey, body, tamper);
      expect({ name, status: answer.status, code: answer.body?.error?.code }).toEqual({ name, status, code });
      if (name !== "missing API key") expect({ name, signed: answerVerifies(f.publicKey, answer.nonce, answer.raw, answer.signature) }).toEqual({ name, signed: true });
    }
    expect((await licenseOf(f)).hwids).toEqual([]);
    expect(await sessionsOf(f)).toEqual([]);
  });

  test("a replayed nonce is refused and changes nothing", async () => {
    const f = await authorizeFixture(api);
    const raw = JSON.stringify({ licenseKey: f.licenses[0]!.key, hwid: "m" });
    const headers = signedHeaders(f.apiKey, raw);
    const send = () => fetch(`${server.baseUrl}/v1/licenses/authorize`, { method: "POST", headers, body: raw });
    expect((await send()).status).toBe(200);
    const again = await send();
    expect(again.status).toBe(401);
    expect(((await again.json()) as any).error.code).toBe("NONCE_REUSED");
    expect(await sessionsOf(f)).toHaveLength(1);
  });

  test("50 concurrent calls with one nonce: exactly one success", async () => {
    const f = await authorizeFixture(api, { maxSessions: 100 });
    const raw = JSON.stringify({ licenseKey: f.licenses[0]!.key, hwid: "m" });
    const headers = signedHeaders(f.apiKey, raw);
    const statuses = await Promise.all(Array.from({ length: 50 }, () => fetch(`${server.baseUrl}/v1/licenses/authorize`, { method: "POST", headers, body: raw }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(49);
  });

  test("50 concurrent first-time calls with different HWIDs on 3 slots bind exactly 3; denials take no slot", async () => {
    const f = await authorizeFixture(api, { maxHwids: 3, maxSessions: 100 });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: `hw-${i}` })));
    expect(verdicts(answers)).toEqual({ "200": 3, "403 HWID_MISMATCH": 47 });
    expect((await licenseOf(f)).hwids).toHaveLength(3);
    expect(await sessionsOf(f)).toHaveLength(3);
  });

  test("a license at maxSessions - 1 hit by 20 concurrent new sessions ends with exactly maxSessions", async () => {
    const f = await authorizeFixture(api, { maxSessions: 5, hwidBinding: "off" });
    for (let i = 0; i < 4; i++) expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key })).status).toBe(200);
    const answers = await Promise.all(Array.from({ length: 20 }, () => authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key })));
    expect(verdicts(answers)).toEqual({ "200": 1, "403 MAX_SESSIONS_REACHED": 19 });
    expect(await sessionsOf(f)).toHaveLength(5);
  });

  test("30 racing first opens on one machine at maxSessions=3: 3 open, 27 MAX_SESSIONS_REACHED, never CONFLICT", async () => {
    // Losing the HWID bind to a racer that bound the same machine, then the session guard,
    // is two lost races in one call: it must still end in a verdict.
    const f = await authorizeFixture(api, { maxSessions: 3, maxHwids: 1 });
    const answers = await Promise.all(Array.from({ length: 30 }, () => authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "same-machine" })));
    expect(verdicts(answers)).toEqual({ "200": 3, "403 MAX_SESSIONS_REACHED": 27 });
    expect((await licenseOf(f)).hwids).toEqual(["same-machine"]);
    expect(await sessionsOf(f)).toHaveLength(3);
  });

  test("30 racing first opens from two machines on one HWID slot: the bound machine's calls open or hit the session cap, the other's mismatch", async () => {
    const f = await authorizeFixture(api, { maxSessions: 3, maxHwids: 1 });
    const hwidOf = (i: number) => `machine-${i % 2}`;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: hwidOf(i) })));
    const [bound] = (await licenseOf(f)).hwids as [string];
    expect(verdicts(answers.filter((_, i) => hwidOf(i) === bound))).toEqual({ "200": 3, "403 MAX_SESSIONS_REACHED": 12 });
    expect(verdicts(answers.filter((_, i) => hwidOf(i) !== bound))).toEqual({ "403 HWID_MISMATCH": 15 });
    expect(await sessionsOf(f)).toHaveLength(3);
  });

  test("killed session answers SESSION_REVOKED; revoked/frozen/expired licenses and blacklists deny", async () => {
    const f = await authorizeFixture(api, { maxSessions: 10 }, 4);
    const key = (i: number) => f.licenses[i]!.key;
    const opened = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key(0), hwid: "m" });
    await api("POST", `/v1/dashboard/licenses/${f.licenses[0]!.id}/sessions/${opened.body.data.session.id}/revoke`, { token: f.owner.token });
    const beat = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key(0), hwid: "m", sessionId: opened.body.data.session.id });
    expect(beat.body.error.code).toBe("SESSION_REVOKED");
    await api("POST", `/v1/dashboard/licenses/${f.licenses[1]!.id}/revoke`, { token: f.owner.token });
    await api("PATCH", `/v1/dashboard/licenses/${f.licenses[2]!.id}`, { token: f.owner.token, body: { frozen: true } });
    await api("PATCH", `/v1/dashboard/licenses/${f.licenses[3]!.id}`, { token: f.owner.token, body: { expiresAt: "2020-01-01T00:00:00.000Z" } });
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key(1), hwid: "m" })).body.error.code).toBe("LICENSE_REVOKED");
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key(2), hwid: "m" })).body.error.code).toBe("LICENSE_FROZEN");
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key(3), hwid: "m" })).body.error.code).toBe("LICENSE_EXPIRED");
    await api("POST", `/v1/dashboard/blacklists/products/${f.productId}`, { token: f.owner.token, body: { type: "HWID", value: "evil" } });
    await api("POST", `/v1/dashboard/blacklists/products/${f.productId}`, { token: f.owner.token, body: { type: "IP", value: "127.0.0.0/8" } });
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key(0), hwid: "evil" })).body.error.code).toBe("HWID_BLACKLISTED");
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key(0), hwid: "m" })).body.error.code).toBe("IP_BLACKLISTED");
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: "GG-NOT-THERE", hwid: "m" })).status).toBe(404);
  });

  test("revoke-all kills every live session of the license, and their heartbeats answer SESSION_REVOKED", async () => {
    const f = await authorizeFixture(api, { maxSessions: 5, hwidBinding: "off" });
    const opened = await Promise.all([1, 2, 3].map(() => authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key })));
    expect(await sessionsOf(f)).toHaveLength(3);
    const killed = await api("POST", `/v1/dashboard/licenses/${f.licenses[0]!.id}/sessions/revoke-all`, { token: f.owner.token });
    expect(killed.body.data).toEqual({ revoked: 3 });
    expect(await sessionsOf(f)).toHaveLength(0);
    for (const answer of opened) {
      const beat = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, sessionId: answer.body.data.session.id });
      expect(beat.body.error.code).toBe("SESSION_REVOKED");
    }
  });

  test("the duration clock of a never-used license starts at its first successful authorize", async () => {
    const f = await authorizeFixture(api);
    const created = await api("POST", `/v1/dashboard/orgs/${f.orgId}/licenses`, { token: f.owner.token, body: { productId: f.productId, durationDays: 10 } });
    const license = created.body.data.licenses[0];
    const before = Date.now();
    const answer = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: license.key, hwid: "m" });
    const expiresAt = Date.parse(answer.body.data.license.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 10 * 86_400_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 10 * 86_400_000);
    const stored = await api("GET", `/v1/dashboard/licenses/${license.id}`, { token: f.owner.token });
    expect(stored.body.data.license.expiresAt).toBe(answer.body.data.license.expiresAt);
  });
});
