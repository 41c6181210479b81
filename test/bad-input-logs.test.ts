import { expect, test } from "bun:test";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { startServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";

/**
 * The real server, fed the inputs that used to break it (docs/errors.md, "Text rules" and
 * "Dates"): every answer is below 500 and every line it writes is one JSON log line (no
 * stack trace or source excerpt on stderr).
 */
test("bad text, bad dates and a bad stored row: no 500, and only JSON log lines", async () => {
  const server = await startServer();
  try {
    const api = apiClient(server.baseUrl);
    const f = await authorizeFixture(api, {}, 2);
    const [far, other] = f.licenses as [{ id: string; key: string }, { id: string; key: string }];
    const auth = { token: f.owner.token };
    const base = `/v1/dashboard/orgs/${f.orgId}/licenses`;
    const statuses: number[] = [];
    const call = async (method: string, path: string, options: object = {}) => {
      const answer = await api(method, path, { ...auth, ...options });
      statuses.push(answer.status);
      return answer;
    };

    expect((await api("POST", "/v1/auth/register", { body: { email: "a@example.com\u0000zz", password: "correct horse battery" } })).status).toBe(400);
    expect((await call("POST", base, { body: { productId: f.productId, expiresAt: "+275760-09-13T00:00:00.000Z" } })).status).toBe(400);
    expect((await call("PATCH", `/v1/dashboard/licenses/${other.id}`, { body: { note: "a\u0000b" } })).status).toBe(400);
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: other.key, hwid: "hw\u0000x" })).status).toBe(400);

    // What an overflowing extension stored before dates were bounded.
    const database = createClient({ url: `file:${join(server.dataDir, "geckoguard.db")}` });
    await database.execute({ sql: "UPDATE licenses SET expires_at = ? WHERE id = ?", args: [8.64e15 + 86_400_000, far.id] });
    database.close();

    expect((await call("GET", `/v1/dashboard/licenses/${far.id}`)).status).toBe(200);
    expect((await call("GET", base)).status).toBe(200);
    expect((await call("GET", `${base}/export?format=json`)).status).toBe(200);
    expect((await call("GET", `${base}/export?format=csv`)).status).toBe(200);
    expect((await call("POST", `${base}/extend`, { body: { ids: [far.id], days: 1 } })).status).toBe(400);
    expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: far.key, hwid: "machine-1" })).status).toBe(200);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  } finally {
    await server.stop();
  }
  const notJson = server.output.filter((line) => {
    try {
      return typeof JSON.parse(line) !== "object";
    } catch {
      return true;
    }
  });
  expect(notJson).toEqual([]);
  expect(server.output.filter((line) => line.includes('"level":"error"'))).toEqual([]);
});
