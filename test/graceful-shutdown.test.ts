import { expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "./support/server-process.ts";
import { apiClient } from "./support/http-client.ts";
import { PASSWORD } from "./support/accounts.ts";
import { authorizeFixture } from "./support/signed-authorize.ts";
import { writeUntilRefused, type Write } from "./support/write-load.ts";

// The load below would otherwise be what the rate limits measure.
const UNLIMITED = { GG_RATE_LIMIT_IP_PER_MIN: "1000000", GG_RATE_LIMIT_APIKEY_IP_PER_MIN: "1000000", GG_RATE_LIMIT_AUTH_IP_PER_MIN: "1000000", GG_RATE_LIMIT_LICENSE_PER_MIN: "1000000" };
const WORKERS = 24;

test("SIGTERM under load: every answered write survives, nothing in flight is cut, the process exits 0", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-sigterm-"));
  try {
    const first = await startServer({ dataDir, env: UNLIMITED });
    const api = apiClient(first.baseUrl);
    const f = await authorizeFixture(api, { maxHwids: 1, maxSessions: 5, sessionTtlSeconds: 3600 }, 400);
    const target = { api, baseUrl: first.baseUrl, token: f.owner.token, orgId: f.orgId, productId: f.productId, apiKey: f.apiKey, unused: [...f.licenses] };
    const log: Write[] = [];
    let answers = 0;
    let signalled = false;
    let answeredAfterSignal = 0;
    const load = Array.from({ length: WORKERS }, (_, w) =>
      writeUntilRefused(target, w, log, () => {
        answers++;
        if (signalled) answeredAfterSignal++;
      }),
    );
    while (answers < 200) await Bun.sleep(5);
    first.process.kill("SIGTERM");
    signalled = true;
    await Promise.all(load);
    expect(await first.process.exited).toBe(0);
    expect(first.output.some((line) => line.includes('"server.stopped"') && line.includes('"clean":true'))).toBe(true);

    const answered = log.filter((w) => w.status !== undefined);
    const unanswered = log.filter((w) => w.status === undefined);
    // Every answer was a success: nothing failed half-way because the database closed under it.
    expect(answered.filter((w) => w.status! >= 300)).toEqual([]);
    // Requests were in flight at the signal and were answered: the drain, not luck.
    expect(answeredAfterSignal).toBeGreaterThan(0);
    expect(unanswered.length).toBeGreaterThan(0);

    const second = await startServer({ dataDir, env: UNLIMITED });
    try {
      const api2 = apiClient(second.baseUrl);
      const token = (await api2("POST", "/v1/auth/login", { body: { email: f.owner.email, password: PASSWORD } })).body.data.accessToken as string;
      const licenses = new Map<string, { note: string | null; hwids: string[] }>();
      for (let page = 1; ; page++) {
        const list = await api2("GET", `/v1/dashboard/orgs/${f.orgId}/licenses?page=${page}&pageSize=200`, { token });
        for (const license of list.body.data.licenses) licenses.set(license.id, license);
        if (page >= list.body.data.pagination.totalPages) break;
      }
      const notes = new Set([...licenses.values()].map((license) => license.note));
      const latestExpiry = new Map<string, string>();
      for (const w of answered) {
        if (w.kind === "create") expect(licenses.get(w.licenseId!)?.note).toBe(w.note);
        if (w.kind === "open") expect(licenses.get(w.license.id)?.hwids).toEqual([w.hwid]);
        if (w.kind === "open" || w.kind === "heartbeat") {
          const previous = latestExpiry.get(w.license.id);
          if (previous === undefined || previous < w.expiresAt!) latestExpiry.set(w.license.id, w.expiresAt!);
        }
      }
      // Sessions hold exactly the latest expiry answered: heartbeats kept by the
      // write-behind were flushed, and no unanswered heartbeat was applied.
      for (const [licenseId, expiresAt] of latestExpiry) {
        const sessions = (await api2("GET", `/v1/dashboard/licenses/${licenseId}/sessions`, { token })).body.data.sessions;
        expect(sessions.map((s: { expiresAt: string }) => s.expiresAt)).toEqual([expiresAt]);
      }
      // A request without an answer was refused before any work: it left no trace.
      for (const w of unanswered) {
        if (w.kind === "create") expect(notes.has(w.note)).toBe(false);
        if (w.kind === "open") expect(licenses.get(w.license.id)?.hwids).toEqual([]);
        if (w.kind === "register") expect((await api2("POST", "/v1/auth/login", { body: { email: w.email, password: PASSWORD } })).status).toBe(401);
      }
      const registered = answered.filter((w) => w.kind === "register");
      for (const w of registered.slice(-5)) expect((await api2("POST", "/v1/auth/login", { body: { email: w.email, password: PASSWORD } })).status).toBe(200);
    } finally {
      await second.stop({ keepData: true });
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 90_000);
