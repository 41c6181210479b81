import { afterEach, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { createLicenseClient } from "./client.ts";
import { defaultStateDirectory } from "./session-state.ts";
import { API_KEY, setup, VALID_KEY } from "./testing/client-fixture.ts";
import type { FakeAuthorizeServer } from "./testing/fake-authorize-server.ts";

/** start / close: the session survives a restart through the state file, and a clean exit gives it back. */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function stateFile() {
  const dir = mkdtempSync(join(tmpdir(), "gg-sdk-state-"));
  dirs.push(dir);
  return join(dir, "nested", "session.json");
}
/** A new client, as a new launch of the app makes, against the same server and state file. */
const launch = (server: FakeAuthorizeServer, file: string) =>
  createLicenseClient({ baseUrl: server.baseUrl, apiKey: API_KEY, productPublicKey: server.publicKey.export({ type: "spki", format: "pem" }).toString(), stateFile: file });
const bodyOf = (server: FakeAuthorizeServer, index: number) => JSON.parse(new TextDecoder().decode(server.requests[index]!.body));
const pathOf = (server: FakeAuthorizeServer, index: number) => server.requests[index]!.path;

test("start opens a session and saves it; the next launch resumes it with a heartbeat; close releases it and removes the file", async () => {
  const { server } = setup();
  const file = stateFile();
  const first = await launch(server, file).start({ licenseKey: VALID_KEY, hwid: "h1" });
  if (!first.ok) throw new Error(first.message);
  const saved = JSON.parse(readFileSync(file, "utf8"));
  expect(saved).toEqual({
    version: 1,
    server: `${server.baseUrl}/v1/licenses/authorize`,
    licenseKeySha256: createHash("sha256").update(VALID_KEY).digest("hex"),
    sessionId: first.session.id,
    expiresAt: first.session.expiresAt,
  });
  expect(readFileSync(file, "utf8")).not.toContain(VALID_KEY);
  expect(readFileSync(file, "utf8")).not.toContain(API_KEY);
  expect(statSync(file).mode & 0o777).toBe(0o600);

  const second = launch(server, file); // a crash: the first launch never closed
  const resumed = await second.start({ licenseKey: VALID_KEY, hwid: "h1" });
  expect(resumed.ok && resumed.session.id).toBe(first.session.id);
  expect(bodyOf(server, 1)).toEqual({ licenseKey: VALID_KEY, hwid: "h1", sessionId: first.session.id });

  expect(await second.close()).toEqual({ ok: true, released: true });
  expect(pathOf(server, 2)).toBe("/v1/licenses/release");
  expect(bodyOf(server, 2)).toEqual({ licenseKey: VALID_KEY, sessionId: first.session.id });
  expect(existsSync(file)).toBe(false);
  expect(await second.close()).toBeNull(); // nothing held any more

  const third = await launch(server, file).start({ licenseKey: VALID_KEY, hwid: "h1" });
  expect(third.ok && third.session.id).not.toBe(first.session.id);
  expect(bodyOf(server, 3).sessionId).toBeUndefined();
});

test("a refused resume (the session was killed) falls back to a new session and saves that one", async () => {
  const { server } = setup();
  const file = stateFile();
  const first = await launch(server, file).start({ licenseKey: VALID_KEY });
  if (!first.ok) throw new Error(first.message);
  server.killSession(first.session.id);
  const next = await launch(server, file).start({ licenseKey: VALID_KEY });
  if (!next.ok) throw new Error(next.message);
  expect(next.session.id).not.toBe(first.session.id);
  expect(server.answers.map((a) => a.status)).toEqual([200, 403, 200]);
  expect(JSON.parse(readFileSync(file, "utf8")).sessionId).toBe(next.session.id);
});

test("an unreachable server on resume answers retry and keeps the file, so a later launch still resumes", async () => {
  const { server } = setup();
  const file = stateFile();
  const first = await launch(server, file).start({ licenseKey: VALID_KEY });
  if (!first.ok) throw new Error(first.message);
  const offline = createLicenseClient({
    baseUrl: server.baseUrl,
    apiKey: API_KEY,
    productPublicKey: server.publicKey.export({ type: "spki", format: "pem" }).toString(),
    stateFile: file,
    fetch: () => Promise.reject(new TypeError("connection refused")),
  });
  expect(await offline.start({ licenseKey: VALID_KEY })).toMatchObject({ ok: false, code: "NETWORK_ERROR", kind: "retry" });
  expect(JSON.parse(readFileSync(file, "utf8")).sessionId).toBe(first.session.id);
  const later = await launch(server, file).start({ licenseKey: VALID_KEY });
  expect(later.ok && later.session.id).toBe(first.session.id);
});

test("heartbeats of the held session keep the file's expiry current; a file of another license or server is not resumed", async () => {
  const { server } = setup();
  const file = stateFile();
  const client = launch(server, file);
  const first = await client.start({ licenseKey: VALID_KEY });
  if (!first.ok) throw new Error(first.message);
  const stale = { ...JSON.parse(readFileSync(file, "utf8")), expiresAt: "2000-01-01T00:00:00.000Z" };
  writeFileSync(file, JSON.stringify(stale));
  const beat = await client.heartbeat(first.handle);
  expect(beat.ok).toBe(true);
  expect(JSON.parse(readFileSync(file, "utf8")).expiresAt).toBe(beat.ok ? beat.session.expiresAt : "");

  writeFileSync(file, JSON.stringify({ ...stale, licenseKeySha256: "0".repeat(64) }));
  const other = await launch(server, file).start({ licenseKey: VALID_KEY });
  expect(other.ok && other.session.id).not.toBe(first.session.id);
  writeFileSync(file, "not json");
  expect((await launch(server, file).start({ licenseKey: VALID_KEY })).ok).toBe(true);
});

test("release of another license's session is the signed SESSION_REVOKED denial; an empty stateFile is a config error", async () => {
  const { server, client } = setup();
  const first = await client.authorize({ licenseKey: VALID_KEY });
  if (!first.ok) throw new Error(first.message);
  expect(await client.release({ ...first.handle, licenseKey: "GG-LICENSE_FROZEN" })).toMatchObject({ ok: false, code: "SESSION_REVOKED", kind: "denied" });
  expect(await client.release(first.handle)).toEqual({ ok: true, released: true });
  expect(await client.release(first.handle)).toEqual({ ok: true, released: true });
  expect(() => createLicenseClient({ baseUrl: server.baseUrl, apiKey: API_KEY, productPublicKey: server.publicKey, stateFile: "" })).toThrow("stateFile");
});

test("the default state directory follows the platform's convention", () => {
  expect(defaultStateDirectory({ XDG_STATE_HOME: "/x/state" }, "linux")).toBe("/x/state/geckoguard");
  expect(defaultStateDirectory({}, "linux")).toMatch(/\/\.local\/state\/geckoguard$/);
  expect(defaultStateDirectory({}, "darwin")).toMatch(/\/Library\/Application Support\/geckoguard$/);
  expect(defaultStateDirectory({ LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" }, "win32")).toContain("geckoguard");
});

test("a state file that cannot be written is skipped: start still answers, and close still releases", async () => {
  const { server } = setup();
  const blocker = stateFile().replace("nested/session.json", "a-file");
  writeFileSync(blocker, "");
  const client = launch(server, join(blocker, "session.json")); // a directory that is a file
  const started = await client.start({ licenseKey: VALID_KEY });
  expect(started.ok).toBe(true);
  expect(await client.close()).toEqual({ ok: true, released: true });
});
