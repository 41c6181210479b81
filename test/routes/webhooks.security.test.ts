import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { orgWithProduct, signUp } from "../support/accounts.ts";
import { PUBLIC_HOOK_URL, createEndpoint, webhooksPath } from "../support/webhook-endpoints.ts";

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

async function teamWithEndpoint() {
  const owner = await signUp(app.api);
  const { orgId, productId } = await orgWithProduct(app.api, owner.token);
  const { endpoint } = await createEndpoint(app.api, owner.token, productId);
  const member = async (role: string) => {
    const user = await signUp(app.api);
    const added = await app.api("POST", `/v1/dashboard/orgs/${orgId}/members`, { token: owner.token, body: { email: user.email, role } });
    expect(added.status).toBe(201);
    return user.token;
  };
  return { owner, productId, endpointId: endpoint.id, viewer: await member("viewer"), memberToken: await member("member"), admin: await member("admin") };
}

describe("who may manage webhooks", () => {
  test("viewers and members read; only admins and owners change", async () => {
    const t = await teamWithEndpoint();
    const one = webhooksPath(t.productId, `/${t.endpointId}`);
    const changes: [string, string, object?][] = [
      ["POST", webhooksPath(t.productId), { url: PUBLIC_HOOK_URL, events: ["*"] }],
      ["PATCH", one, { enabled: false }],
      ["POST", `${one}/rotate-secret`],
      ["POST", `${one}/test`],
      ["POST", `${one}/deliveries/01900000-0000-7000-8000-000000000000/redeliver`],
      ["DELETE", one],
    ];
    for (const token of [t.viewer, t.memberToken]) {
      for (const path of [webhooksPath(t.productId), one, `${one}/deliveries`, `${one}/attempts`]) {
        expect((await app.api("GET", path, { token })).status).toBe(200);
      }
      for (const [method, path, body] of changes) {
        const answer = await app.api(method, path, { token, body });
        expect(answer.status).toBe(403);
        expect(answer.body.error.code).toBe("PERMISSION_DENIED");
      }
    }
    expect((await app.api("PATCH", one, { token: t.admin, body: { description: "by an admin" } })).status).toBe(200);
  });

  test("another org's product is 403; its endpoints are 404 through my product; no token is 401", async () => {
    const mine = await teamWithEndpoint();
    const theirs = await teamWithEndpoint();
    const foreign = await app.api("GET", webhooksPath(theirs.productId), { token: mine.owner.token });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("FORBIDDEN");
    expect((await app.api("POST", webhooksPath(theirs.productId), { token: mine.owner.token, body: { url: PUBLIC_HOOK_URL, events: ["*"] } })).status).toBe(403);
    for (const [method, rest] of [["GET", ""], ["PATCH", ""], ["DELETE", ""], ["POST", "/rotate-secret"], ["GET", "/deliveries"]] as const) {
      const answer = await app.api(method, webhooksPath(mine.productId, `/${theirs.endpointId}${rest}`), { token: mine.owner.token, body: method === "PATCH" ? {} : undefined });
      expect(answer.status).toBe(404);
    }
    expect((await app.api("GET", webhooksPath(theirs.productId, `/${theirs.endpointId}`), { token: theirs.owner.token })).status).toBe(200);
    expect((await app.api("GET", webhooksPath(mine.productId))).status).toBe(401);
    expect((await app.api("GET", webhooksPath(mine.productId), { headers: { "x-api-key": "gg_live_x" } })).status).toBe(401);
  });
});

describe("the one-time secret", () => {
  test("is not cached, and never replayed from the Idempotency-Key store", async () => {
    const owner = await signUp(app.api);
    const { productId } = await orgWithProduct(app.api, owner.token);
    const create = () =>
      app.api("POST", webhooksPath(productId), { token: owner.token, headers: { "idempotency-key": "create-hook-1" }, body: { url: PUBLIC_HOOK_URL, events: ["*"] } });
    const first = await create();
    expect(first.status).toBe(201);
    expect(first.headers.get("cache-control")).toBe("no-store");
    // Had the answer been stored, this would be a replay carrying the same secret.
    const again = await create();
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(again.body.data.secret).not.toBe(first.body.data.secret);
    const rotate = () => app.api("POST", webhooksPath(productId, `/${first.body.data.endpoint.id}/rotate-secret`), { token: owner.token, headers: { "idempotency-key": "rotate-1" } });
    const rotated = await rotate();
    expect(rotated.headers.get("cache-control")).toBe("no-store");
    expect((await rotate()).body.data.secret).not.toBe(rotated.body.data.secret);
  });
});
