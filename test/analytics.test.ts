import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";
import { orgWithProduct, signUp } from "./support/accounts.ts";
import { joinOrg } from "./support/api-keys.ts";

/**
 * docs/team-and-audit.md#analytics: authorize outcomes are counted in memory, written by
 * the write-behind (every 0.5 s and on SIGTERM), and added up across restarts and across
 * processes sharing one database.
 */
const today = () => new Date().toISOString().slice(0, 10);

async function analytics(api: Api, token: string, orgId: string, query = "") {
  const answer = await api("GET", `/v1/dashboard/orgs/${orgId}/analytics${query}`, { token });
  expect(answer.status).toBe(200);
  return answer.body.data;
}

/** Today's series entry, once the write-behind has written `authorizations` allowed calls (it flushes every 0.5 s). */
async function todayOnceFlushed(api: Api, token: string, orgId: string, authorizations: number) {
  for (let tries = 0; ; tries++) {
    const data = await analytics(api, token, orgId);
    const entry = data.series.at(-1);
    if (entry.authorizations >= authorizations || tries > 40) return { data, entry };
    await Bun.sleep(100);
  }
}

/**
 * A known mix on one product of four licenses (maxHwids 1): A allowed three times and
 * refused twice on another machine, B revoked, C allowed once, D frozen, two unknown keys.
 */
async function knownMix(api: Api, baseUrl: () => string) {
  const f = await authorizeFixture(api, { maxHwids: 1, maxSessions: 50 }, 4);
  const [a, b, c, d] = f.licenses as [{ id: string; key: string }, { id: string; key: string }, { id: string; key: string }, { id: string; key: string }];
  expect((await api("POST", `/v1/dashboard/licenses/${b.id}/revoke`, { token: f.owner.token })).status).toBe(200);
  expect((await api("PATCH", `/v1/dashboard/licenses/${d.id}`, { token: f.owner.token, body: { frozen: true } })).status).toBe(200);
  const call = async (licenseKey: string, hwid: string, code: string | null) => {
    const answer = await authorizeCall(baseUrl(), f.apiKey, { licenseKey, hwid });
    expect(code === null ? answer.body.ok : answer.body.error?.code).toBe(code === null ? true : code);
  };
  for (let i = 0; i < 3; i++) await call(a.key, "hw-a", null);
  await call(a.key, "hw-other", "HWID_MISMATCH");
  await call(a.key, "hw-other", "HWID_MISMATCH");
  await call(b.key, "hw-b", "LICENSE_REVOKED");
  await call(c.key, "hw-c", null);
  await call(d.key, "hw-d", "LICENSE_FROZEN");
  await call("GG-NOPE-NOPE-NOPE-NOPE", "hw-x", "LICENSE_NOT_FOUND");
  await call("GG-NOT-THERE-EITHER", "hw-x", "LICENSE_NOT_FOUND");
  return f;
}

const MIX_DENIALS = { HWID_MISMATCH: 2, LICENSE_REVOKED: 1, LICENSE_FROZEN: 1, LICENSE_NOT_FOUND: 2 };

for (const thread of ["worker", "main"] as const) {
  describe(`analytics of a known mix of authorize calls (authorize ${thread === "worker" ? "thread" : "on the HTTP thread"})`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), "gg-analytics-"));
    const env = { GG_AUTHORIZE_THREAD: thread };
    let server: RunningServer;
    afterAll(async () => {
      await server?.stop({ keepData: true });
      rmSync(dataDir, { recursive: true, force: true });
    });

    test("exact after a restart straight after the calls (SIGTERM flushes the counts), and added to after it", async () => {
      server = await startServer({ dataDir, env });
      const api = apiClient(server.baseUrl);
      const f = await knownMix(api, () => server.baseUrl);
      await server.stop({ keepData: true }); // no wait: only the shutdown flush can have written the counts
      server = await startServer({ dataDir, env });
      const again = apiClient(server.baseUrl);

      const data = await analytics(again, f.owner.token, f.orgId);
      expect(data.series).toHaveLength(30);
      expect(data.series.at(-1)).toEqual({ date: today(), created: 4, authorizations: 4, denials: MIX_DENIALS, uniqueLicenses: 2 });
      expect(data.series.slice(0, -1).every((day: { authorizations: number; created: number }) => day.authorizations === 0 && day.created === 0)).toBe(true);
      expect(data.licenses).toEqual({ total: 4, valid: 2, revoked: 1, frozen: 1, expired: 0, unused: 2 });
      expect(data.activeSessions).toBe(4);
      expect(data.boundHwids).toBe(2);
      expect(data.topProducts).toEqual([{ productId: f.productId, name: expect.any(String), authorizations: 4 }]);

      // After the restart: one denial, then two more allowed calls of A (already counted today).
      // The denial first: a flush that holds the last allowed call holds it too.
      expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "hw-3" })).body.error.code).toBe("HWID_MISMATCH");
      for (let i = 0; i < 2; i++) expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "hw-a" })).body.ok).toBe(true);
      const { entry } = await todayOnceFlushed(again, f.owner.token, f.orgId, 6);
      expect(entry).toEqual({ date: today(), created: 4, authorizations: 6, denials: { ...MIX_DENIALS, HWID_MISMATCH: 3 }, uniqueLicenses: 2 });
    }, 60_000);
  });
}

describe("analytics with two processes on one database (GG_SHARED_STATE=database)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-analytics-shared-"));
  const env = { GG_SHARED_STATE: "database" };
  let servers: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop({ keepData: true })));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("each process's counts add up (never overwrite), and a license authorized through both counts once a day", async () => {
    servers = [await startServer({ dataDir, env })];
    servers.push(await startServer({ dataDir, env }));
    let turn = 0;
    const f = await knownMix(apiClient(servers[0]!.baseUrl), () => servers[turn++ % 2]!.baseUrl);
    await Promise.all(servers.map((server) => server.stop({ keepData: true })));
    servers = [await startServer({ dataDir, env })];
    const data = await analytics(apiClient(servers[0]!.baseUrl), f.owner.token, f.orgId);
    expect(data.series.at(-1)).toEqual({ date: today(), created: 4, authorizations: 4, denials: MIX_DENIALS, uniqueLicenses: 2 });
  }, 60_000);
});

describe("analytics answers and refusals", () => {
  let server: RunningServer;
  afterAll(() => server?.stop());

  test("any role reads it; a product filter narrows it; bad ranges are 400; other tenants' orgs and products are refused", async () => {
    server = await startServer();
    const api = apiClient(server.baseUrl);
    const f = await authorizeFixture(api, {}, 2);
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: f.licenses[0]!.key, hwid: "hw-1" })).body.ok).toBe(true);
    const second = await api("POST", "/v1/dashboard/products", { token: f.owner.token, body: { orgId: f.orgId, name: "Second" } });
    const secondId = second.body.data.product.id as string;
    await api("POST", `/v1/dashboard/orgs/${f.orgId}/licenses`, { token: f.owner.token, body: { productId: secondId, count: 3 } });

    const viewer = await joinOrg(api, f.owner.token, f.orgId, "viewer");
    const whole = await analytics(api, viewer, f.orgId, `?from=${today()}&to=${today()}`);
    expect(whole.series).toEqual([expect.objectContaining({ date: today(), created: 5 })]);
    expect(whole.licenses.total).toBe(5);
    const narrowed = await analytics(api, viewer, f.orgId, `?productId=${secondId}`);
    expect(narrowed.licenses).toEqual({ total: 3, valid: 3, revoked: 0, frozen: 0, expired: 0, unused: 3 });
    expect(narrowed.series.at(-1)).toMatchObject({ created: 3, authorizations: 0 });

    const refused = async (query: string, token: string, orgId: string, status: number, code: string) => {
      const answer = await api("GET", `/v1/dashboard/orgs/${orgId}/analytics${query}`, { token });
      expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
    };
    await refused("?from=2026-02-30", f.owner.token, f.orgId, 400, "VALIDATION_ERROR");
    await refused("?from=2026-03-05&to=2026-03-04", f.owner.token, f.orgId, 400, "VALIDATION_ERROR");
    await refused("?from=2025-01-01&to=2026-01-02", f.owner.token, f.orgId, 400, "VALIDATION_ERROR");
    await refused("?productId=not-a-uuid", f.owner.token, f.orgId, 400, "VALIDATION_ERROR");

    const stranger = await signUp(api);
    const theirs = await orgWithProduct(api, stranger.token);
    await refused("", stranger.token, f.orgId, 403, "FORBIDDEN");
    await refused(`?productId=${theirs.productId}`, f.owner.token, f.orgId, 403, "FORBIDDEN");
    // A product of another org the caller also belongs to is not this org's.
    const ownOther = await orgWithProduct(api, f.owner.token);
    await refused(`?productId=${ownOther.productId}`, f.owner.token, f.orgId, 404, "NOT_FOUND");
    await refused("", f.owner.token, "00000000-0000-4000-8000-000000000000", 404, "NOT_FOUND");
  }, 60_000);
});
