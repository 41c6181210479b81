import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { authorizeCall, authorizeFixture, signedHeaders } from "./support/signed-authorize.ts";

const LICENSE_LIMIT = 5;
// The delivery check needs the webhook outbox and worker (issue 6); it runs as soon as they are on this branch.
const WEBHOOKS_PRESENT = existsSync(join(import.meta.dir, "../packages/core/src/webhooks"));

/**
 * docs/deploy.md's first topology: several processes on one database file, sharing rate
 * limits, nonces and webhook claims through it (GG_SHARED_STATE=database), each request
 * sent to the next process in turn as a round-robin balancer would.
 */
describe("three server processes on one database file behind a round-robin client", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-scale-out-"));
  const env = {
    GG_SHARED_STATE: "database",
    GG_RATE_LIMIT_LICENSE_PER_MIN: String(LICENSE_LIMIT),
    GG_ALLOW_HTTP_WEBHOOKS: "1",
    GG_WEBHOOK_POLL_MS: "50",
    GG_WEBHOOK_BACKOFF_BASE_MS: "50",
  };
  let servers: RunningServer[] = [];
  let apis: Api[] = [];
  let turn = 0;
  const next = () => servers[turn++ % servers.length]!;

  beforeAll(async () => {
    // The first creates the database and the JWT secret that the other two then share.
    servers = [await startServer({ dataDir, env })];
    servers.push(...(await Promise.all([startServer({ dataDir, env }), startServer({ dataDir, env })])));
    apis = servers.map((server) => apiClient(server.baseUrl));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop({ keepData: true })));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`one limit: ${LICENSE_LIMIT} authorize calls a minute per license key, counted across all three`, async () => {
    const f = await authorizeFixture(apis[0]!, { maxSessions: 50 }, 1);
    const licenseKey = f.licenses[0]!.key;
    const answers = await Promise.all(Array.from({ length: 3 * LICENSE_LIMIT }, () => authorizeCall(next().baseUrl, f.apiKey, { licenseKey, hwid: "hw-1" })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(LICENSE_LIMIT);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(2 * LICENSE_LIMIT);
    for (const answer of limited) {
      expect(answer.body.error.code).toBe("RATE_LIMITED");
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  test("one nonce: the same signed request sent to all three at once succeeds exactly once", async () => {
    const f = await authorizeFixture(apis[1]!, {}, 1);
    const raw = JSON.stringify({ licenseKey: f.licenses[0]!.key, hwid: "hw-replayed" });
    const headers = signedHeaders(f.apiKey, raw);
    const answers = await Promise.all(
      servers.map(async (server) => {
        const response = await fetch(`${server.baseUrl}/v1/licenses/authorize`, { method: "POST", headers, body: raw });
        return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
      }),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 401).map((a) => a.body.error?.code)).toEqual(["NONCE_REUSED", "NONCE_REUSED"]);
  });

  test.skipIf(!WEBHOOKS_PRESENT)("one delivery: events written through all three are each delivered once, whichever worker claims them", async () => {
    const received: { delivery: string | null; body: string }[] = [];
    const receiver = Bun.serve({
      hostname: "127.0.0.1",
      port: 0,
      fetch: async (request) => {
        received.push({ delivery: request.headers.get("x-geckoguard-delivery"), body: await request.text() });
        return new Response(null, { status: 204 });
      },
    });
    try {
      const f = await authorizeFixture(apis[2]!, {}, 1);
      const hook = await apis[0]!("POST", `/v1/dashboard/webhooks/products/${f.productId}`, {
        token: f.owner.token,
        body: { url: `http://127.0.0.1:${receiver.port}/hooks`, events: ["license.created"] },
      });
      expect(hook.status).toBe(201);
      const created: string[] = [];
      for (let i = 0; i < 9; i++) {
        const answer = await apiClient(next().baseUrl)("POST", `/v1/dashboard/orgs/${f.orgId}/licenses`, { token: f.owner.token, body: { productId: f.productId } });
        expect(answer.status).toBe(201);
        created.push(answer.body.data.licenses[0].id);
      }
      for (const deadline = Date.now() + 15_000; received.length < created.length && Date.now() < deadline; ) await Bun.sleep(25);
      await Bun.sleep(500); // room for a duplicate to arrive, were there one
      expect(new Set(received.map((r) => r.delivery)).size).toBe(created.length);
      expect(received.map((r) => JSON.parse(r.body).data.license.id).sort()).toEqual(created.sort());
    } finally {
      await receiver.stop(true);
    }
  }, 30_000);
});
