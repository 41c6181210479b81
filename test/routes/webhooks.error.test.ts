import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { fanOutEvents } from "@geckoguard/core";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { orgWithProduct, signUp } from "../support/accounts.ts";
import { PUBLIC_HOOK_URL, createEndpoint, webhooksPath } from "../support/webhook-endpoints.ts";

let app: TestApp;
let token: string;
let productId: string;
beforeAll(async () => {
  app = await openTestApp();
  token = (await signUp(app.api)).token;
  productId = (await orgWithProduct(app.api, token)).productId;
});
afterAll(() => app.close());

const create = (body: Record<string, unknown>) => app.api("POST", webhooksPath(productId), { token, body: { url: PUBLIC_HOOK_URL, events: ["*"], ...body } });

describe("bad endpoint input → 400, nothing created", () => {
  const refusedUrls: [string, RegExp][] = [
    ["not a url", /valid absolute URL/],
    ["https://", /valid absolute URL/],
    ["http://93.184.215.14/hook", /https:\/\//],
    ["ftp://93.184.215.14/hook", /https:\/\//],
    ["https://localhost/hook", /non-public/],
    ["https://127.0.0.1:8443/hook", /non-public/],
    ["https://[::1]/hook", /non-public/],
    ["https://[::ffff:10.0.0.1]/hook", /non-public/],
    ["https://169.254.169.254/latest/meta-data", /non-public/],
    ["https://192.168.0.10/hook", /non-public/],
    ["https://user:pass@93.184.215.14/hook", /credentials/],
  ];
  test.each(refusedUrls)("url %s", async (url, reason) => {
    const answer = await create({ url });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("VALIDATION_ERROR");
    expect(answer.body.error.details).toEqual([{ path: "/url", message: expect.stringMatching(reason) }]);
  });

  test("unknown or missing event types", async () => {
    const unknown = await create({ events: ["license.created", "license.exploded"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: "/events/1", message: "Unknown event type 'license.exploded'" }]);
    expect((await create({ events: [] })).status).toBe(400);
    expect((await create({ events: "license.created" })).status).toBe(400);
    expect((await create({ url: undefined })).status).toBe(400);
    expect((await create({ description: "x".repeat(501) })).status).toBe(400);
    const list = await app.api("GET", webhooksPath(productId), { token });
    expect(list.body.data.pagination.total).toBe(0);
  });

  test("the 21st endpoint of a product", async () => {
    const owner = await signUp(app.api);
    const { productId: full } = await orgWithProduct(app.api, owner.token);
    for (let i = 0; i < 20; i++) await createEndpoint(app.api, owner.token, full);
    const extra = await app.api("POST", webhooksPath(full), { token: owner.token, body: { url: PUBLIC_HOOK_URL, events: ["*"] } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/at most 20/);
    expect((await app.api("GET", webhooksPath(full), { token: owner.token })).body.data.pagination.total).toBe(20);
  });

  test("an update with a bad URL or event changes nothing", async () => {
    const { endpoint } = await createEndpoint(app.api, token, productId, { events: ["license.created"] });
    const path = webhooksPath(productId, `/${endpoint.id}`);
    expect((await app.api("PATCH", path, { token, body: { url: "https://10.1.2.3/x" } })).status).toBe(400);
    expect((await app.api("PATCH", path, { token, body: { events: ["nope"] } })).status).toBe(400);
    expect((await app.api("GET", path, { token })).body.data.endpoint).toMatchObject({ url: PUBLIC_HOOK_URL, events: ["license.created"] });
  });
});

describe("delivery log and redelivery", () => {
  test("paging limits, an unknown delivery, and redelivering one that has not failed", async () => {
    const { endpoint } = await createEndpoint(app.api, token, productId);
    const base = webhooksPath(productId, `/${endpoint.id}`);
    expect((await app.api("GET", `${base}/deliveries?pageSize=201`, { token })).status).toBe(400);
    expect((await app.api("GET", `${base}/attempts?page=0`, { token })).status).toBe(400);
    expect((await app.api("GET", `${base}/deliveries?status=lost`, { token })).status).toBe(400);
    const missing = await app.api("POST", `${base}/deliveries/01900000-0000-7000-8000-000000000000/redeliver`, { token });
    expect(missing.status).toBe(404);
    await app.api("POST", `${base}/test`, { token });
    await fanOutEvents(app.context.store, Date.now());
    const [pending] = (await app.api("GET", `${base}/deliveries`, { token })).body.data.deliveries;
    const again = await app.api("POST", `${base}/deliveries/${pending.id}/redeliver`, { token });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/this one is pending/);
  });

  test("a disabled endpoint takes no test event", async () => {
    const { endpoint } = await createEndpoint(app.api, token, productId, { enabled: false });
    const answer = await app.api("POST", webhooksPath(productId, `/${endpoint.id}/test`), { token });
    expect(answer.status).toBe(409);
  });
});
