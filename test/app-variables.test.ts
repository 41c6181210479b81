import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { apiClient, type Api } from "./support/http-client.ts";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { answerVerifies, authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";
import { signedCall, VARIABLES_PATH } from "./support/signed-session-calls.ts";
import { issueApiKey, joinOrg, withKey } from "./support/api-keys.ts";

/** App variables (docs/variables.md) against the real server: dashboard, management API and the app's signed call. */

let server: RunningServer;
let api: Api;
beforeAll(async () => {
  server = await startServer();
  api = apiClient(server.baseUrl);
});
afterAll(() => server.stop());

type Fixture = Awaited<ReturnType<typeof authorizeFixture>>;
const productVariable = (f: Fixture, name: string, body: object) => api("PUT", `/v1/dashboard/products/${f.productId}/variables/${name}`, { token: f.owner.token, body });
const licenseVariable = (f: Fixture, name: string, body: object, index = 0) =>
  api("PUT", `/v1/dashboard/licenses/${f.licenses[index]!.id}/variables/${name}`, { token: f.owner.token, body });
const openSession = async (f: Fixture, index = 0) => {
  const answer = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[index]!.key, hwid: "vars-machine" });
  expect(answer.status).toBe(200);
  return answer.body.data.session.id as string;
};

describe("app variables", () => {
  test("the app reads its variables, license overrides over product values, secrets included, in a signed answer", async () => {
    const f = await authorizeFixture(api, {}, 2);
    expect((await productVariable(f, "theme", { value: "dark", description: "UI theme" })).status).toBe(200);
    expect((await productVariable(f, "apiToken", { value: "s3cret", secret: true })).status).toBe(200);
    expect((await productVariable(f, "maxProjects", { value: "3" })).status).toBe(200);
    expect((await licenseVariable(f, "maxProjects", { value: "50" })).status).toBe(200);
    const sessionId = await openSession(f);

    const all = await signedCall(server.baseUrl, f.apiKey, VARIABLES_PATH, { licenseKey: f.licenses[0]!.key, sessionId });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ ok: true, data: { variables: { apiToken: "s3cret", maxProjects: "50", theme: "dark" } } });
    expect(answerVerifies(f.publicKey, all.nonce, all.raw, all.signature)).toBe(true);

    const some = await signedCall(server.baseUrl, f.apiKey, VARIABLES_PATH, { licenseKey: f.licenses[0]!.key, sessionId, names: ["theme", "missing"] });
    expect(some.body.data).toEqual({ variables: { theme: "dark" } });

    // The other license has no override: the product's value.
    const other = await signedCall(server.baseUrl, f.apiKey, VARIABLES_PATH, { licenseKey: f.licenses[1]!.key, sessionId: await openSession(f, 1) });
    expect(other.body.data.variables.maxProjects).toBe("3");
  });

  test("a session of another license and a revoked license are signed denials", async () => {
    const f = await authorizeFixture(api, {}, 2);
    await productVariable(f, "theme", { value: "dark" });
    const sessionId = await openSession(f);
    const foreign = await signedCall(server.baseUrl, f.apiKey, VARIABLES_PATH, { licenseKey: f.licenses[1]!.key, sessionId });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("SESSION_REVOKED");
    expect(answerVerifies(f.publicKey, foreign.nonce, foreign.raw, foreign.signature)).toBe(true);

    await api("POST", `/v1/dashboard/licenses/${f.licenses[0]!.id}/revoke`, { token: f.owner.token });
    const revoked = await signedCall(server.baseUrl, f.apiKey, VARIABLES_PATH, { licenseKey: f.licenses[0]!.key, sessionId });
    expect(revoked.status).toBe(403);
    expect(revoked.body.error.code).toBe("LICENSE_REVOKED");
  });

  test("the call is signed like authorize: a reused nonce and a bad signature are refused, and the answer is still signed", async () => {
    const f = await authorizeFixture(api);
    const sessionId = await openSession(f);
    const first = await signedCall(server.baseUrl, f.apiKey, VARIABLES_PATH, { licenseKey: f.licenses[0]!.key, sessionId }, { nonce: "vars-nonce-00000001" });
    expect(first.status).toBe(200);
    const replay = await signedCall(server.baseUrl, f.apiKey, VARIABLES_PATH, { licenseKey: f.licenses[0]!.key, sessionId }, { nonce: "vars-nonce-00000001" });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("NONCE_REUSED");
    expect(answerVerifies(f.publicKey, replay.nonce, replay.raw, replay.signature)).toBe(true);
    const wrongPath = await fetch(`${server.baseUrl}${VARIABLES_PATH}`, {
      method: "POST",
      headers: (await import("./support/signed-authorize.ts")).signedHeaders(f.apiKey, JSON.stringify({ licenseKey: f.licenses[0]!.key, sessionId })),
      body: JSON.stringify({ licenseKey: f.licenses[0]!.key, sessionId }),
    });
    expect(wrongPath.status).toBe(401);
    expect((await wrongPath.json()).error.code).toBe("INVALID_SIGNATURE");
  });

  test("bad names, oversized values and the 201st variable are clear 400s that change nothing", async () => {
    const f = await authorizeFixture(api);
    expect((await productVariable(f, "bad name!", { value: "x" })).status).toBe(400);
    expect((await productVariable(f, "x".repeat(65), { value: "x" })).status).toBe(400);
    const big = await productVariable(f, "big", { value: "é".repeat(8193) }); // 16 386 bytes
    expect(big.status).toBe(400);
    expect(big.body.error.details).toEqual([{ path: "/value", message: "At most 16384 bytes (UTF-8)" }]);
    expect((await productVariable(f, "fits", { value: "x".repeat(16384) })).status).toBe(200);
    for (let i = 1; i < 200; i++) expect((await productVariable(f, `v${i}`, { value: String(i) })).status).toBe(200);
    const over = await productVariable(f, "one-too-many", { value: "x" });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain("at most 200");
    expect((await productVariable(f, "v1", { value: "replaced" })).status).toBe(200); // replacing is not adding
    const list = await api("GET", `/v1/dashboard/products/${f.productId}/variables`, { token: f.owner.token });
    expect(list.body.data.variables).toHaveLength(200);
    expect(list.body.data.variables.find((v: { name: string }) => v.name === "v1").value).toBe("replaced");
    const sessionId = await openSession(f);
    const badNames = await signedCall(server.baseUrl, f.apiKey, VARIABLES_PATH, { licenseKey: f.licenses[0]!.key, sessionId, names: ["ok", "not ok"] });
    expect(badNames.status).toBe(400);
    expect(badNames.body.error.details).toEqual([{ path: "/names/1", message: "Expected 1–64 of A–Z, a–z, 0–9, _, . or -" }]);
  });

  test("secret values are hidden from roles below admin and from API keys; members cannot write; delete removes", async () => {
    const f = await authorizeFixture(api);
    await productVariable(f, "token", { value: "s3cret", secret: true });
    await productVariable(f, "plain", { value: "open" });
    await licenseVariable(f, "token", { value: "license-secret" });
    const member = await joinOrg(api, f.owner.token, f.orgId, "member");
    const asMember = await api("GET", `/v1/dashboard/products/${f.productId}/variables`, { token: member });
    expect(asMember.status).toBe(200);
    expect(asMember.body.data.variables.map((v: { name: string; value: string | null }) => [v.name, v.value])).toEqual([["plain", "open"], ["token", null]]);
    const overrides = await api("GET", `/v1/dashboard/licenses/${f.licenses[0]!.id}/variables`, { token: member });
    expect(overrides.body.data.variables).toMatchObject([{ name: "token", value: null, secret: true }]);
    const asOwner = await api("GET", `/v1/dashboard/products/${f.productId}/variables`, { token: f.owner.token });
    expect(asOwner.body.data.variables.find((v: { name: string }) => v.name === "token").value).toBe("s3cret");
    const write = await api("PUT", `/v1/dashboard/products/${f.productId}/variables/x`, { token: member, body: { value: "1" } });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe("PERMISSION_DENIED");

    const { key } = await issueApiKey(api, f.owner.token, f.productId, ["variable:read", "variable:write"]);
    const managed = await api("GET", `/v1/products/${f.productId}/variables`, withKey(key));
    expect(managed.body.data.variables.find((v: { name: string }) => v.name === "token").value).toBeNull();
    expect((await api("PUT", `/v1/products/${f.productId}/variables/fromKey`, withKey(key, { body: { value: "k" } }))).status).toBe(200);
    expect((await api("GET", `/v1/products/${f.productId}/variables`, withKey(f.apiKey))).body.error.code).toBe("PERMISSION_DENIED");

    expect((await api("DELETE", `/v1/products/${f.productId}/variables/fromKey`, withKey(key))).body).toEqual({ ok: true, data: { deleted: true } });
    expect((await api("DELETE", `/v1/products/${f.productId}/variables/fromKey`, withKey(key))).status).toBe(404);
    expect((await api("DELETE", `/v1/dashboard/licenses/${f.licenses[0]!.id}/variables/token`, { token: f.owner.token })).status).toBe(200);

    // The audit log names every change, and never a secret's value.
    const audit = await api("GET", `/v1/dashboard/orgs/${f.orgId}/audit-log`, { token: f.owner.token });
    const entries = audit.body.data.entries.filter((e: { action: string }) => e.action.includes("variable"));
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      "license_variable.deleted",
      "variable.deleted",
      "variable.set",
      "license_variable.set",
      "variable.set",
      "variable.set",
    ]);
    expect(JSON.stringify(audit.body.data.entries)).not.toContain("s3cret");
    expect(JSON.stringify(audit.body.data.entries)).not.toContain("license-secret");
    expect(entries.at(-2).changes).toEqual({ value: [null, "open"], secret: [null, false] });
  });
});
