import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { team, type Team } from "../support/team.ts";

/** Only the owner deletes the org or hands it over; deleting takes everything below it. */
describe("org ownership and deletion", () => {
  let t: TestApp;
  let crew: Team;
  beforeEach(async () => {
    await t?.close();
    t = await openTestApp();
    crew = await team(t.api);
  });
  afterAll(() => t.close());

  const roleOf = async (token: string, orgId: string) =>
    (await t.api("GET", `/v1/dashboard/orgs/${orgId}`, { token })).body.data.org.role;

  test("the owner transfers ownership to a member and stays on as admin", async () => {
    const transfer = await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/transfer-ownership`, {
      token: crew.owner.token,
      body: { userId: crew.member.userId },
    });
    expect(transfer.status).toBe(200);
    expect(transfer.body.data.org.role).toBe("admin");
    expect(await roleOf(crew.member.token, crew.orgId)).toBe("owner");
    expect(await roleOf(crew.owner.token, crew.orgId)).toBe("admin");
    // The former owner is now an admin: no more deleting.
    expect((await t.api("DELETE", `/v1/dashboard/orgs/${crew.orgId}`, { token: crew.owner.token })).status).toBe(403);
  });

  test("ownership goes only to a member of the org", async () => {
    const response = await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/transfer-ownership`, {
      token: crew.owner.token,
      body: { userId: crew.stranger.userId },
    });
    expect(response.status).toBe(404);
    expect(await roleOf(crew.owner.token, crew.orgId)).toBe("owner");
  });

  test("deleting an org removes its products and memberships, and nothing of other orgs", async () => {
    const second = await t.api("POST", "/v1/dashboard/products", { token: crew.owner.token, body: { orgId: crew.orgId, name: "Second" } });
    expect(await t.count("products")).toBe(3);
    const deleted = await t.api("DELETE", `/v1/dashboard/orgs/${crew.orgId}`, { token: crew.owner.token });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ ok: true, data: { deleted: true } });

    expect(await t.count("products")).toBe(1);
    expect(await t.count("org_members")).toBe(1);
    for (const id of [crew.productId, second.body.data.product.id]) {
      expect((await t.api("GET", `/v1/dashboard/products/${id}`, { token: crew.owner.token })).status).toBe(404);
    }
    expect((await t.api("GET", `/v1/dashboard/orgs/${crew.orgId}`, { token: crew.admin.token })).status).toBe(404);
    const me = await t.api("GET", "/v1/dashboard/me", { token: crew.viewer.token });
    expect(me.body.data).toMatchObject({ orgs: [], activeOrgId: null });
    expect((await t.api("GET", `/v1/dashboard/products/${crew.stranger.productId}`, { token: crew.stranger.token })).status).toBe(200);
  });

  test("a deleted org stops being the active org", async () => {
    const other = await t.api("POST", "/v1/dashboard/orgs", { token: crew.owner.token, body: { name: "Other" } });
    await t.api("PATCH", "/v1/dashboard/me", { token: crew.owner.token, body: { activeOrgId: crew.orgId } });
    await t.api("DELETE", `/v1/dashboard/orgs/${crew.orgId}`, { token: crew.owner.token });
    const me = await t.api("GET", "/v1/dashboard/me", { token: crew.owner.token });
    expect(me.body.data.activeOrgId).toBe(other.body.data.org.id);
  });
});
