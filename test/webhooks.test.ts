import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { verifyWebhook } from "../packages/sdk/src/webhooks.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import type { RunningServer } from "./support/server-process.ts";
import { startWebhookServer } from "./support/webhook-server.ts";
import { fiftyMegabytes, hang, startReceiver, type Receiver } from "./support/webhook-receiver.ts";
import { tenantWithLicenses } from "./support/licensing-fixtures.ts";
import { webhooksPath } from "./support/webhook-endpoints.ts";

let server: RunningServer;
let api: Api;
const receivers: Receiver[] = [];
beforeAll(async () => {
  server = await startWebhookServer();
  api = apiClient(server.baseUrl);
});
afterAll(async () => {
  for (const receiver of receivers) receiver.stop(); // hanging requests end here, so the server drains at once
  await server.stop();
});

function receiver(...args: Parameters<typeof startReceiver>): Receiver {
  const started = startReceiver(...args);
  receivers.push(started);
  return started;
}

async function subscribe(token: string, productId: string, url: string, events: string[] = ["*"]) {
  const created = await api("POST", webhooksPath(productId), { token, body: { url, events } });
  expect(created.status).toBe(201);
  return created.body.data as { endpoint: { id: string }; secret: string };
}

describe("webhook delivery through the real server", () => {
  test("events arrive signed, verify with the SDK, and say what happened (one per license in bulk)", async () => {
    const { owner, orgId, productId } = await tenantWithLicenses(api, 0 + 1);
    const hooks = receiver();
    const { endpoint, secret } = await subscribe(owner.token, productId, hooks.url, ["license.created", "license.revoked"]);
    const created = await api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, count: 2 } });
    const ids = (created.body.data.licenses as { id: string }[]).map((l) => l.id);
    await api("POST", `/v1/dashboard/orgs/${orgId}/licenses/revoke`, { token: owner.token, body: { ids } });
    const deliveries = await hooks.waitFor(4);
    const events = deliveries.map(({ headers, body }) => {
      expect(verifyWebhook(body, headers.get("x-geckoguard-signature-v2"), secret)).toMatchObject({ valid: true });
      expect(verifyWebhook(body, headers.get("x-geckoguard-signature-v2"), "whsec_wrong").valid).toBe(false);
      const event = JSON.parse(body);
      expect(Object.keys(event)).toEqual(["id", "type", "createdAt", "data"]);
      expect(headers.get("x-geckoguard-event")).toBe(event.type);
      expect(headers.get("x-geckoguard-delivery")).toMatch(/^[0-9a-f-]{36}$/);
      return event;
    });
    const seen = events.map((e) => `${e.type} ${e.data.license.id}`).sort();
    expect(seen).toEqual([...ids.map((id) => `license.created ${id}`), ...ids.map((id) => `license.revoked ${id}`)].sort());
    expect(events.find((e) => e.type === "license.revoked").data.license.status).toBe("revoked");
    const log = await api("GET", webhooksPath(productId, `/${endpoint.id}/deliveries?status=delivered`), { token: owner.token });
    expect(log.body.data.pagination.total).toBe(4);
  }, 30_000);

  test("a receiver answering 500 twice then 200 gets the event on the third attempt", async () => {
    const { owner, productId } = await tenantWithLicenses(api, 1);
    const flaky = receiver((n) => new Response(n <= 2 ? "try later" : "ok", { status: n <= 2 ? 500 : 200 }));
    const { endpoint, secret } = await subscribe(owner.token, productId, flaky.url);
    const queued = await api("POST", webhooksPath(productId, `/${endpoint.id}/test`), { token: owner.token });
    expect(queued.status).toBe(202);
    const requests = await flaky.waitFor(3);
    expect(new Set(requests.map((r) => r.headers.get("x-geckoguard-delivery"))).size).toBe(1);
    expect(requests.map((r) => JSON.parse(r.body).id)).toEqual(Array(3).fill(queued.body.data.event.id));
    for (const r of requests) expect(verifyWebhook(r.body, r.headers.get("x-geckoguard-signature-v2"), secret).valid).toBe(true);
    let attempts: { attempt: number; outcome: string; statusCode: number; responseSnippet: string }[] = [];
    for (let i = 0; i < 100 && attempts.length < 3; i++, await Bun.sleep(20)) {
      attempts = (await api("GET", webhooksPath(productId, `/${endpoint.id}/attempts`), { token: owner.token })).body.data.attempts;
    }
    expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode, a.responseSnippet])).toEqual([
      [3, "success", 200, "ok"],
      [2, "http_error", 500, "try later"],
      [1, "http_error", 500, "try later"],
    ]);
    const [delivery] = (await api("GET", webhooksPath(productId, `/${endpoint.id}/deliveries`), { token: owner.token })).body.data.deliveries;
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, eventType: "webhook_endpoint.test" });
  }, 30_000);

  test("after six failed attempts a delivery is given up; redelivering it by hand sends it once more", async () => {
    const { owner, productId } = await tenantWithLicenses(api, 1);
    let healthy = false;
    const down = receiver(() => new Response(null, { status: healthy ? 204 : 503 }));
    const { endpoint } = await subscribe(owner.token, productId, down.url);
    await api("POST", webhooksPath(productId, `/${endpoint.id}/test`), { token: owner.token });
    await down.waitFor(6);
    const path = webhooksPath(productId, `/${endpoint.id}/deliveries`);
    let delivery: { id: string; status: string; attempts: number } | undefined;
    for (let i = 0; i < 100 && delivery?.status !== "failed"; i++, await Bun.sleep(20)) delivery = (await api("GET", path, { token: owner.token })).body.data.deliveries[0];
    expect(delivery).toMatchObject({ status: "failed", attempts: 6 });
    healthy = true;
    const redelivered = await api("POST", `${path}/${delivery!.id}/redeliver`, { token: owner.token });
    expect(redelivered.body.data.delivery).toMatchObject({ status: "pending", attemptLimit: 7 });
    await down.waitFor(7);
    for (let i = 0; i < 100 && delivery?.status !== "delivered"; i++, await Bun.sleep(20)) delivery = (await api("GET", path, { token: owner.token })).body.data.deliveries[0];
    expect(delivery).toMatchObject({ status: "delivered", attempts: 7 });
    expect(down.received).toHaveLength(7);
  }, 30_000);

  test("hanging, redirect-looping and 50 MB receivers do not hold up a healthy one", async () => {
    const { owner, orgId, productId } = await tenantWithLicenses(api, 1);
    const hanging = receiver(hang);
    const looping = receiver(() => new Response(null, { status: 302, headers: { location: "/loop" } })); // /loop redirects too
    const huge = receiver(fiftyMegabytes);
    const healthy = receiver();
    const ids: Record<string, string> = {};
    for (const [name, r] of Object.entries({ hanging, looping, huge, healthy })) {
      ids[name] = (await subscribe(owner.token, productId, r.url, ["license.created"])).endpoint.id;
    }
    // More events than the worker has slots (16): a receiver that could take them all would.
    await api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, count: 24 } });
    await healthy.waitFor(24);
    await huge.waitFor(24);
    // Every healthy delivery arrived while the hanging receiver still held requests open,
    // and before any of its attempts ended: it never had the worker to itself.
    expect(hanging.open).toBeGreaterThan(0);
    const attemptsOf = async (name: string) => (await api("GET", webhooksPath(productId, `/${ids[name]}/attempts?pageSize=50`), { token: owner.token })).body.data.attempts;
    expect(await attemptsOf("hanging")).toEqual([]);
    let hugeAttempts: { outcome: string; responseSnippet: string }[] = [];
    for (let i = 0; i < 100 && hugeAttempts.length < 24; i++, await Bun.sleep(20)) hugeAttempts = await attemptsOf("huge");
    expect(hugeAttempts.every((a) => a.outcome === "success" && a.responseSnippet.length === 1024)).toBe(true);
    const loops = await attemptsOf("looping");
    expect(loops.length).toBeGreaterThan(0);
    expect(loops.every((a: { outcome: string; statusCode: number }) => a.outcome === "redirect" && a.statusCode === 302)).toBe(true);
    expect(looping.received.every((r) => r.path === "/hooks")).toBe(true); // the Location was never followed
  }, 30_000);
});
