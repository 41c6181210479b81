import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { createAdmin, createProduct, createWebhookEndpoint, sendWebhookTestEvent, type AttemptReport, type Logger, type SendRequest } from "@geckoguard/core";
import { createGeckoguard } from "@geckoguard/runtime";
import { actingAsTest } from "./support/acting.ts";

const dir = mkdtempSync(join(tmpdir(), "gg-close-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("close() stops delivery first (an attempt in flight is aborted after drainMs and its outcome written), then the database", async () => {
  const file = join(dir, "gg.db");
  const errors: string[] = [];
  const logger: Logger = { info() {}, warn() {}, error: (event) => void errors.push(event) };
  let sending: (() => void) | null = null;
  const sent = new Promise<void>((resolve) => (sending = resolve));
  // A receiver that never answers: only the runtime's shutdown signal ends the attempt.
  const sendWebhook = (request: SendRequest) =>
    new Promise<AttemptReport>((resolve) => {
      sending!();
      request.shutdown.addEventListener("abort", () =>
        resolve({ outcome: "shutdown", statusCode: null, error: "Aborted: server shutting down", durationMs: 0, responseSnippet: null }),
      );
    });
  const runtime = await createGeckoguard({
    databaseUrl: `file:${file}`,
    jwtSecret: "a secret of at least thirty-two characters",
    publicUrl: "http://localhost",
    allowInsecureWebhooks: true,
    webhooks: { pollIntervalMs: 10, drainMs: 100 },
    sendWebhook,
    logger,
  });
  // Through the use cases, not the routes: this file shares its process with test/openapi.test.ts,
  // and Elysia annotates a route's body schema the first time the route validates a body.
  const { user, org } = await createAdmin(actingAsTest(runtime.context), { email: "close@example.com", password: "correct horse battery", orgName: "Org" });
  const product = await createProduct(actingAsTest(runtime.context), user.id, { orgId: org.id, name: "App" });
  const { endpoint } = await createWebhookEndpoint(actingAsTest(runtime.context), user.id, product.id, { url: "http://127.0.0.1:9/hooks", events: ["*"] });
  await sendWebhookTestEvent(runtime.context, user.id, product.id, endpoint.id);
  await sent;

  const started = performance.now();
  await runtime.close();
  expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  expect(errors).toEqual([]);
  // The outcome was written before the database closed.
  const reader = createClient({ url: `file:${file}` });
  try {
    const attempts = await reader.execute("SELECT outcome FROM webhook_attempts");
    expect(attempts.rows.map((row) => row.outcome)).toEqual(["shutdown"]);
  } finally {
    reader.close();
  }
});
