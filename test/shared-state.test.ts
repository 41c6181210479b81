import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { orgWithProduct, signUp, uniqueEmail } from "./support/accounts.ts";

const ACCOUNT_LIMIT = 4;

/** Two server processes on one database file with GG_SHARED_STATE=database: one limit, one record. */
describe("shared rate limits and idempotency across two processes", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-shared-state-"));
  const env = { GG_SHARED_STATE: "database", GG_RATE_LIMIT_AUTH_ACCOUNT_PER_MIN: String(ACCOUNT_LIMIT) };
  let servers: RunningServer[];
  let apis: Api[];
  beforeAll(async () => {
    // One after the other: the first creates the database and the JWT secret both share.
    servers = [await startServer({ dataDir, env })];
    servers.push(await startServer({ dataDir, env }));
    apis = servers.map((server) => apiClient(server.baseUrl));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`a limit of ${ACCOUNT_LIMIT}/min split across both processes lets exactly ${ACCOUNT_LIMIT} through`, async () => {
    const email = uniqueEmail("shared-limit");
    const attempts = Array.from({ length: 4 * ACCOUNT_LIMIT }, (_, i) => apis[i % 2]!("POST", "/v1/auth/forgot-password", { body: { email } }));
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(ACCOUNT_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3 * ACCOUNT_LIMIT);
  });

  test("one Idempotency-Key sent to both processes at once creates one license; later retries replay it", async () => {
    const { token } = await signUp(apis[0]!);
    const { orgId, productId } = await orgWithProduct(apis[0]!, token);
    const key = crypto.randomUUID();
    const path = `/v1/dashboard/orgs/${orgId}/licenses`;
    const send = (api: Api) => api("POST", path, { token, headers: { "idempotency-key": key }, body: { productId, note: "exactly once" } });
    const racing = await Promise.all(Array.from({ length: 6 }, (_, i) => send(apis[i % 2]!)));
    const created = racing.filter((r) => r.status === 201);
    expect(racing.every((r) => r.status === 201 || r.body.error?.code === "IDEMPOTENCY_KEY_IN_PROGRESS")).toBe(true);
    expect(new Set(created.map((r) => r.body.data.licenses[0].id)).size).toBe(1);

    const listed = await apis[1]!("GET", path, { token });
    expect(listed.body.data.licenses).toHaveLength(1);
    for (const api of apis) {
      const retry = await send(api);
      expect([retry.status, retry.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
      expect(retry.body).toEqual(created[0]!.body);
    }
  });

  test("a restarted process still replays the record the other one stored", async () => {
    const { token } = await signUp(apis[0]!);
    const key = crypto.randomUUID();
    const first = await apis[0]!("POST", "/v1/dashboard/orgs", { token, headers: { "idempotency-key": key }, body: { name: "Durable" } });
    await servers[1]!.stop({ keepData: true });
    servers[1] = await startServer({ dataDir, env });
    apis[1] = apiClient(servers[1].baseUrl);
    const replay = await apis[1]("POST", "/v1/dashboard/orgs", { token, headers: { "idempotency-key": key }, body: { name: "Durable" } });
    expect([replay.status, replay.headers.get("idempotent-replayed")]).toEqual([201, "true"]);
    expect(replay.body).toEqual(first.body);
  });
});
