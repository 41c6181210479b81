import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { fanOutEvents } from "@geckoguard/core";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { orgWithProduct, signUp } from "../support/accounts.ts";
import { createEndpoint, webhooksPath } from "../support/webhook-endpoints.ts";

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe("webhook endpoints", () => {
  test("create answers the secret once; list, get and update never show it", async () => {
    const owner = await signUp(app.api);
    const { productId } = await orgWithProduct(app.api, owner.token);
    const { endpoint, secret } = await createEndpoint(app.api, owner.token, productId, { events: ["license.created", "license.revoked"], description: "CRM sync" });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).toMatchObject({ productId, enabled: true, events: ["license.created", "license.revoked"], description: "CRM sync" });
    const answers = [
      await app.api("GET", webhooksPath(productId), { token: owner.token }),
      await app.api("GET", webhooksPath(productId, `/${endpoint.id}`), { token: owner.token }),
      await app.api("PATCH", webhooksPath(productId, `/${endpoint.id}`), { token: owner.token, body: { events: ["*"], enabled: false } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(secret);
      expect(JSON.stringify(answer.body)).not.toContain("secretSealed");
    }
    expect(answers[0]!.body.data).toMatchObject({ endpoints: [{ id: endpoint.id }], pagination: { total: 1 } });
    expect(answers[2]!.body.data.endpoint).toMatchObject({ events: ["*"], enabled: false });
    const stored = await app.context.store.webhookEndpoints.find(productId, endpoint.id);
    expect(stored!.secretSealed).not.toContain(secret.slice(6)); // sealed at rest
    expect(app.context.webhooks!.secrets.open(stored!.secretSealed, endpoint.id)).toBe(secret);
  });

  test("rotate gives a new secret once; delete removes the endpoint", async () => {
    const owner = await signUp(app.api);
    const { productId } = await orgWithProduct(app.api, owner.token);
    const { endpoint, secret } = await createEndpoint(app.api, owner.token, productId);
    const rotated = await app.api("POST", webhooksPath(productId, `/${endpoint.id}/rotate-secret`), { token: owner.token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.secret).toMatch(/^whsec_/);
    expect(rotated.body.data.secret).not.toBe(secret);
    const stored = await app.context.store.webhookEndpoints.find(productId, endpoint.id);
    expect(app.context.webhooks!.secrets.open(stored!.secretSealed, endpoint.id)).toBe(rotated.body.data.secret);
    const deleted = await app.api("DELETE", webhooksPath(productId, `/${endpoint.id}`), { token: owner.token });
    expect(deleted.body).toEqual({ ok: true, data: { deleted: true } });
    expect((await app.api("GET", webhooksPath(productId, `/${endpoint.id}`), { token: owner.token })).status).toBe(404);
  });

  test("a test event is queued for that endpoint only and shows up as its delivery once fanned out", async () => {
    const owner = await signUp(app.api);
    const { productId } = await orgWithProduct(app.api, owner.token);
    const { endpoint } = await createEndpoint(app.api, owner.token, productId, { events: ["license.deleted"] });
    const other = await createEndpoint(app.api, owner.token, productId);
    const queued = await app.api("POST", webhooksPath(productId, `/${endpoint.id}/test`), { token: owner.token });
    expect(queued.status).toBe(202);
    expect(queued.body.data.event.type).toBe("webhook_endpoint.test");
    await fanOutEvents(app.context.store, Date.now());
    const deliveries = await app.api("GET", webhooksPath(productId, `/${endpoint.id}/deliveries`), { token: owner.token });
    expect(deliveries.body.data.deliveries).toMatchObject([{ eventId: queued.body.data.event.id, eventType: "webhook_endpoint.test", status: "pending" }]);
    const none = await app.api("GET", webhooksPath(productId, `/${other.endpoint.id}/deliveries`), { token: owner.token });
    expect(none.body.data.deliveries).toEqual([]);
  });
});
