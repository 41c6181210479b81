import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { DEFAULT_POLICY } from "@geckoguard/core";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { addMember, team, type Team } from "../support/team.ts";

/** Product policy (docs/licenses.md#product-policy) and moving products between orgs (docs/decisions.md#orgs-roles-and-products). */
describe("products: policy and moves", () => {
  let t: TestApp;
  let crew: Team;
  beforeAll(async () => {
    t = await openTestApp();
    crew = await team(t.api);
  });
  afterAll(() => t.close());

  test("a new product gets the default policy, with the fields given on create", async () => {
    const created = await t.api("POST", "/v1/dashboard/products", {
      token: crew.owner.token,
      body: { orgId: crew.orgId, name: "Partial", policy: { maxHwids: 2, durationDays: 30 } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.product.policy).toEqual({ ...DEFAULT_POLICY, maxHwids: 2, durationDays: 30 });
  });

  test("a partial policy update merges: unnamed fields keep their values", async () => {
    const path = `/v1/dashboard/products/${crew.productId}`;
    await t.api("PATCH", path, { token: crew.admin.token, body: { policy: { maxHwids: 5, ipBinding: "on" } } });
    const second = await t.api("PATCH", path, { token: crew.admin.token, body: { policy: { maxSessions: 9 } } });
    expect(second.status).toBe(200);
    const expected = { ...DEFAULT_POLICY, maxHwids: 5, ipBinding: "on", maxSessions: 9 };
    expect(second.body.data.product.policy).toEqual(expected);
    const read = await t.api("GET", path, { token: crew.viewer.token });
    expect(read.body.data.product.policy).toEqual(expected);
    expect(read.body.data.product.name).toBe("App");

    const renamed = await t.api("PATCH", path, { token: crew.admin.token, body: { name: "Renamed", policy: { durationDays: null } } });
    expect(renamed.body.data.product).toMatchObject({ name: "Renamed", policy: { ...expected, durationDays: null } });
  });

  test("the public key is returned and the private key never is", async () => {
    const read = await t.api("GET", `/v1/dashboard/products/${crew.productId}`, { token: crew.viewer.token });
    expect(read.body.data.product.publicKey).toStartWith("-----BEGIN PUBLIC KEY-----");
    expect(JSON.stringify(read.body)).not.toContain("PRIVATE");
  });

  test("moving a product needs admin in both orgs", async () => {
    // The crew's admin owns a second org, where the crew's member is only a viewer.
    const target = await t.api("POST", "/v1/dashboard/orgs", { token: crew.admin.token, body: { name: "Target" } });
    const targetId = target.body.data.org.id;
    await addMember(t.api, crew.admin.token, targetId, crew.member.email, "admin");
    await addMember(t.api, crew.admin.token, targetId, crew.viewer.email, "viewer");
    const move = (token: string) => t.api("POST", `/v1/dashboard/orgs/${targetId}/products`, { token, body: { productId: crew.productId } });

    // member: admin in the target, only member in the source.
    const memberMove = await move(crew.member.token);
    expect(memberMove.status).toBe(403);
    expect(memberMove.body.error.code).toBe("PERMISSION_DENIED");
    // owner of the source is not in the target at all.
    expect((await move(crew.owner.token)).body.error.code).toBe("FORBIDDEN");
    expect((await t.api("GET", `/v1/dashboard/products/${crew.productId}`, { token: crew.owner.token })).body.data.product.orgId).toBe(crew.orgId);

    const moved = await move(crew.admin.token);
    expect(moved.status).toBe(200);
    expect(moved.body.data.product.orgId).toBe(targetId);
    const targetList = await t.api("GET", `/v1/dashboard/orgs/${targetId}/products`, { token: crew.viewer.token });
    expect(targetList.body.data.products.map((p: { id: string }) => p.id)).toEqual([crew.productId]);
    const sourceList = await t.api("GET", `/v1/dashboard/orgs/${crew.orgId}/products`, { token: crew.owner.token });
    expect(sourceList.body.data.products.map((p: { id: string }) => p.id)).not.toContain(crew.productId);
    // The source org's owner has no say over it any more.
    expect((await t.api("GET", `/v1/dashboard/products/${crew.productId}`, { token: crew.owner.token })).status).toBe(403);
  });
});
