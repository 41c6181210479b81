import { expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";

test("kill -9 under load loses no binding or session that was answered", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-crash-"));
  try {
    const first = await startServer({ dataDir });
    const api = apiClient(first.baseUrl);
    const f = await authorizeFixture(api, { maxHwids: 2, maxSessions: 5 }, 200);
    const answered: { licenseId: string; sessionId: string; hwid: string }[] = [];
    let killed = false;
    const load = f.licenses.map(async (license, i) => {
      await Bun.sleep(i % 50);
      const hwid = `crash-hw-${i}`;
      try {
        const answer = await authorizeCall(first.baseUrl, f.apiKey, { licenseKey: license.key, hwid });
        if (answer.status === 200) answered.push({ licenseId: license.id, sessionId: answer.body.data.session.id, hwid });
      } catch {
        // the connection died with the server: that call was never answered
      }
    });
    while (answered.length < 20) await Bun.sleep(2);
    first.process.kill(9);
    killed = true;
    await Promise.all(load);
    await first.process.exited;
    expect(killed).toBe(true);
    expect(answered.length).toBeGreaterThanOrEqual(20);

    const second = await startServer({ dataDir });
    try {
      const api2 = apiClient(second.baseUrl);
      const login = await api2("POST", "/v1/auth/login", { body: { email: f.owner.email, password: "correct horse battery" } });
      const token = login.body.data.accessToken as string;
      for (const { licenseId, sessionId, hwid } of answered) {
        const license = (await api2("GET", `/v1/dashboard/licenses/${licenseId}`, { token })).body.data.license;
        expect(license.hwids).toContain(hwid);
        const sessions = (await api2("GET", `/v1/dashboard/licenses/${licenseId}/sessions`, { token })).body.data.sessions;
        expect(sessions.map((s: { id: string }) => s.id)).toContain(sessionId);
      }
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 60_000);
