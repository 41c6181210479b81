import { afterAll, beforeAll, expect, test } from "bun:test";
import { apiClient, type Api } from "./support/http-client.ts";
import type { RunningServer } from "./support/server-process.ts";
import { startWebhookServer } from "./support/webhook-server.ts";
import { startReceiver, type Receiver } from "./support/webhook-receiver.ts";
import { webhooksPath } from "./support/webhook-endpoints.ts";
import { authorizeCall, authorizeFixture } from "./support/signed-authorize.ts";

let server: RunningServer;
let api: Api;
let hooks: Receiver;
beforeAll(async () => {
  server = await startWebhookServer();
  api = apiClient(server.baseUrl);
  hooks = startReceiver();
});
afterAll(async () => {
  hooks.stop();
  await server.stop();
});

test("authorize records license.hwid_bound and session.opened with the change; heartbeats and denials record nothing", async () => {
  const f = await authorizeFixture(api, { maxHwids: 1, maxSessions: 5 });
  const subscribed = await api("POST", webhooksPath(f.productId), {
    token: f.owner.token,
    body: { url: hooks.url, events: ["license.hwid_bound", "session.opened"] },
  });
  expect(subscribed.status).toBe(201);
  const key = f.licenses[0]!.key;
  const opened = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key, hwid: "hook-machine" });
  expect(opened.status).toBe(200);
  const sessionId = opened.body.data.session.id as string;
  expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key, hwid: "hook-machine", sessionId })).status).toBe(200);
  expect((await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key, hwid: "other-machine" })).body.error.code).toBe("HWID_MISMATCH");
  const second = await authorizeCall(server.baseUrl, f.apiKey, { licenseKey: key, hwid: "hook-machine" });
  expect(second.status).toBe(200);

  const events = (await hooks.waitFor(3)).map(({ body }) => JSON.parse(body));
  await Bun.sleep(300); // nothing else may arrive: the heartbeat and the denial record no event
  expect(hooks.received).toHaveLength(3);
  const byType = (type: string) => events.filter((e) => e.type === type);
  expect(byType("license.hwid_bound")).toHaveLength(1);
  expect(byType("license.hwid_bound")[0].data).toMatchObject({ hwid: "hook-machine", license: { id: f.licenses[0]!.id, key, hwids: ["hook-machine"] } });
  const sessions = byType("session.opened").map((e) => e.data.session.id).sort();
  expect(sessions).toEqual([sessionId, second.body.data.session.id].sort());
  expect(byType("session.opened")[0].data.license).toEqual({ id: f.licenses[0]!.id, key, productId: f.productId });
});
