import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { apiClient, type Api } from "./support/http-client.ts";
import type { RunningServer } from "./support/server-process.ts";
import { startWebhookServer } from "./support/webhook-server.ts";
import { startReceiver, type Receiver } from "./support/webhook-receiver.ts";
import { tenantWithLicenses } from "./support/licensing-fixtures.ts";
import { webhooksPath } from "./support/webhook-endpoints.ts";

/** A secret in the endpoint's query string: allowed in a URL, never in a log line. */
const QUERY_SECRET = "hook-query-secret-5f1c";

let server: RunningServer;
let api: Api;
let hooks: Receiver;
beforeAll(async () => {
  server = await startWebhookServer();
  api = apiClient(server.baseUrl);
  // The first request is answered 503, every later one 204.
  hooks = startReceiver((n) => new Response(null, { status: n === 1 ? 503 : 204 }));
});
afterAll(async () => {
  hooks.stop();
  await server.stop();
});

type Line = Record<string, unknown> & { event: string; level: string };
const webhookLines = (): Line[] =>
  server.output.filter((line) => line.startsWith("{") && line.includes('"webhook.')).map((line) => JSON.parse(line) as Line);

async function until<T>(what: string, read: () => T | undefined): Promise<T> {
  for (let waited = 0; waited < 15_000; waited += 25) {
    const found = read();
    if (found !== undefined) return found;
    await Bun.sleep(25);
  }
  throw new Error(`timed out waiting for ${what}:\n${server.output.join("\n")}`);
}

async function scrape(): Promise<(series: string) => number | undefined> {
  const response = await fetch(`${server.baseUrl}/metrics`);
  expect(response.status).toBe(200);
  const text = await response.text();
  return (series) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };
}

describe("webhook delivery outcomes: JSON log lines and /metrics counters", () => {
  test("a 503 then a 204: one failed attempt with its retry, one delivery, counted; no URL secret in the log", async () => {
    const before = await scrape();
    expect(before("geckoguard_webhook_delivered_total")).toBe(0);
    expect(before("geckoguard_webhook_retried_total")).toBe(0);
    expect(before("geckoguard_webhook_endpoints_disabled_total")).toBe(0);

    const { owner, orgId, productId } = await tenantWithLicenses(api, 1); // made before the endpoint: not delivered
    const url = `${hooks.url}?token=${QUERY_SECRET}`;
    const created = await api("POST", webhooksPath(productId), { token: owner.token, body: { url, events: ["license.created"] } });
    expect(created.status).toBe(201);
    const endpointId = created.body.data.endpoint.id as string;
    expect((await api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId } })).status).toBe(201);

    const delivered = await until("webhook.delivered", () => webhookLines().find((l) => l.event === "webhook.delivered" && l.endpointId === endpointId));
    const failed = webhookLines().filter((l) => l.event === "webhook.attempt_failed" && l.endpointId === endpointId);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      level: "warn",
      eventType: "license.created",
      attempt: 1,
      outcome: "http_error",
      statusClass: "5xx",
      statusCode: 503,
      gaveUp: false,
      deliveryId: delivered.deliveryId,
    });
    expect(Date.parse(failed[0]!.nextAttemptAt as string)).toBeGreaterThan(0);
    expect(delivered).toMatchObject({ level: "info", eventType: "license.created", attempt: 2, statusCode: 204, durationMs: expect.any(Number) });
    expect(hooks.received).toHaveLength(2);

    const everything = server.output.join("\n");
    expect(everything).not.toContain(QUERY_SECRET);
    expect(everything).not.toContain(hooks.url);

    const after = await scrape();
    expect(after("geckoguard_webhook_delivered_total")).toBe(1);
    expect(after('geckoguard_webhook_failed_total{status_class="5xx"}')).toBe(1);
    expect(after("geckoguard_webhook_retried_total")).toBe(1);
    expect(after("geckoguard_webhook_endpoints_disabled_total")).toBe(0);
    expect(after("geckoguard_webhook_queue_depth")).toBe(0);
  }, 30_000);
});
