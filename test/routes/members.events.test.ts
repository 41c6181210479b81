import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { uniqueEmail } from "../support/accounts.ts";
import { team, type Team } from "../support/team.ts";
import { createEndpoint } from "../support/webhook-endpoints.ts";
import { invite, verifiedAccount } from "../support/invites.ts";

/** docs/webhooks.md: member.* and org.ownership_transferred reach every product of the org, written with the change. */
describe("member events", () => {
  let t: TestApp;
  let crew: Team;
  beforeAll(async () => {
    t = await openTestApp();
    crew = await team(t.api);
    await createEndpoint(t.api, crew.owner.token, crew.productId, { events: ["member.invited", "member.joined", "member.removed", "member.role_changed", "org.ownership_transferred"] });
  });
  afterAll(() => t.close());

  /** The events written since the last call, as the webhook worker would take them. */
  const taken = async () => (await t.context.store.events.takeForFanOut(1000)).map((e) => ({ type: e.type, data: e.data as Record<string, any> }));

  test("each change writes its event; a refused change writes none", async () => {
    await taken();
    const email = uniqueEmail("evt");
    const created = await invite(t.api, crew.admin.token, crew.orgId, email, "member");
    const invited = await taken();
    expect(invited).toEqual([{ type: "member.invited", data: { orgId: crew.orgId, invite: created } }]);
    expect(JSON.stringify(invited)).not.toContain("gg_inv_");

    const invitee = await verifiedAccount(t.api, (to, prefix) => t.mailedToken(to, prefix));
    await taken();
    // Refused (wrong address): nothing is written.
    const token = await t.mailedToken(email, "gg_inv");
    expect((await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } })).status).toBe(403);
    expect(await taken()).toEqual([]);

    const joiner = await verifiedAccount(t.api, (to, prefix) => t.mailedToken(to, prefix), email);
    await taken();
    await t.api("POST", "/v1/dashboard/invites/accept", { token: joiner.token, body: { token } });
    expect(await taken()).toEqual([
      { type: "member.joined", data: { orgId: crew.orgId, via: "invite", inviteId: created.id, member: expect.objectContaining({ userId: joiner.userId, email, role: "member" }) } },
    ]);

    await t.api("PATCH", `/v1/dashboard/orgs/${crew.orgId}/members/${joiner.userId}`, { token: crew.admin.token, body: { role: "admin" } });
    expect(await taken()).toEqual([
      { type: "member.role_changed", data: { orgId: crew.orgId, previousRole: "member", member: expect.objectContaining({ userId: joiner.userId, role: "admin" }) } },
    ]);

    await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/leave`, { token: joiner.token });
    expect(await taken()).toEqual([{ type: "member.removed", data: { orgId: crew.orgId, reason: "left", member: expect.objectContaining({ userId: joiner.userId }) } }]);

    await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/members`, { token: crew.admin.token, body: { email, role: "viewer" } });
    expect(await taken()).toEqual([
      { type: "member.joined", data: { orgId: crew.orgId, via: "added", inviteId: null, member: expect.objectContaining({ userId: joiner.userId, role: "viewer" }) } },
    ]);
    await t.api("DELETE", `/v1/dashboard/orgs/${crew.orgId}/members/${joiner.userId}`, { token: crew.admin.token });
    expect(await taken()).toEqual([{ type: "member.removed", data: { orgId: crew.orgId, reason: "removed", member: expect.objectContaining({ userId: joiner.userId }) } }]);

    // The owner cannot be removed: no event.
    expect((await t.api("DELETE", `/v1/dashboard/orgs/${crew.orgId}/members/${crew.owner.userId}`, { token: crew.admin.token })).status).toBe(403);
    expect(await taken()).toEqual([]);

    await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/transfer-ownership`, { token: crew.owner.token, body: { userId: crew.admin.userId } });
    expect(await taken()).toEqual([
      {
        type: "org.ownership_transferred",
        data: {
          orgId: crew.orgId,
          previousOwner: expect.objectContaining({ userId: crew.owner.userId, role: "admin" }),
          newOwner: expect.objectContaining({ userId: crew.admin.userId, role: "owner" }),
        },
      },
    ]);
  });
});
