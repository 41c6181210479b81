import { afterAll, beforeAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLicenseClient } from "@geckoguard/sdk";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { authorizeFixture } from "./support/signed-authorize.ts";

/** App restarts through the SDK (start / close and its state file) against the real server, at maxSessions = 1. */

let server: RunningServer;
let api: Api;
let dir: string;
beforeAll(async () => {
  server = await startServer();
  api = apiClient(server.baseUrl);
  dir = mkdtempSync(join(tmpdir(), "gg-restarts-"));
});
afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Fixture = Awaited<ReturnType<typeof authorizeFixture>>;
/** A new client, as each launch of the app makes. */
const launch = (f: Fixture, stateFile: string) => createLicenseClient({ baseUrl: server.baseUrl, apiKey: f.apiKey, productPublicKey: f.publicKey, stateFile });
const liveSessions = async (f: Fixture) =>
  (await api("GET", `/v1/dashboard/licenses/${f.licenses[0]!.id}/sessions`, { token: f.owner.token })).body.data.sessions as { id: string }[];

test("10 launches in a row, each closing cleanly, all get a session at maxSessions = 1", async () => {
  const f = await authorizeFixture(api, { maxSessions: 1 });
  const stateFile = join(dir, "clean.json");
  for (let run = 1; run <= 10; run++) {
    const client = launch(f, stateFile);
    const started = await client.start({ licenseKey: f.licenses[0]!.key, hwid: "restart-machine" });
    expect({ run, ok: started.ok, code: started.ok ? null : started.code }).toEqual({ run, ok: true, code: null });
    expect(await client.close()).toEqual({ ok: true, released: true });
  }
  expect(await liveSessions(f)).toEqual([]);
});

test("a crash (no release) followed by a relaunch resumes the same session; 10 crashes in a row keep using it", async () => {
  const f = await authorizeFixture(api, { maxSessions: 1 });
  const stateFile = join(dir, "crash.json");
  const first = await launch(f, stateFile).start({ licenseKey: f.licenses[0]!.key, hwid: "crash-machine" });
  if (!first.ok) throw new Error(`first launch: ${first.code}`);
  for (let run = 1; run <= 10; run++) {
    const relaunched = await launch(f, stateFile).start({ licenseKey: f.licenses[0]!.key, hwid: "crash-machine" });
    expect({ run, session: relaunched.ok ? relaunched.session.id : relaunched.code }).toEqual({ run, session: first.session.id });
  }
  expect((await liveSessions(f)).map((s) => s.id)).toEqual([first.session.id]);
  // Killed from the dashboard meanwhile: the next launch falls back to a new session.
  await api("POST", `/v1/dashboard/licenses/${f.licenses[0]!.id}/sessions/${first.session.id}/revoke`, { token: f.owner.token });
  const afterKill = await launch(f, stateFile).start({ licenseKey: f.licenses[0]!.key, hwid: "crash-machine" });
  expect(afterKill.ok && afterKill.session.id).not.toBe(first.session.id);
  expect(afterKill.ok).toBe(true);
});
