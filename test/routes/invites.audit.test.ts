import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { orgWithProduct, signUp, uniqueEmail } from "../support/accounts.ts";
import { invite, invitesPath, verifiedAccount } from "../support/invites.ts";

/** docs/team-and-audit.md: every invitation change appends its org's audit entry, never its token. */
describe("invitations in the audit log", () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let orgId: string;
  beforeAll(async () => {
    t = await openTestApp();
    owner = await signUp(t.api);
    ({ orgId } = await orgWithProduct(t.api, owner.token));
  });
  afterAll(() => t.close());

  const mailed = (to: string, prefix: "gg_ve" | "gg_inv") => t.mailedToken(to, prefix);
  const entriesSince = async (seq: number) =>
    ((await t.api("GET", `/v1/dashboard/orgs/${orgId}/audit-log?pageSize=200`, { token: owner.token })).body.data.entries as Record<string, any>[])
      .filter((e) => e.seq > seq)
      .reverse();
  const lastSeq = async () => (await t.api("GET", `/v1/dashboard/orgs/${orgId}/audit-log/verify`, { token: owner.token })).body.data.lastSeq as number;

  test("invite, resend, accept, decline, revoke and leave each name their actor and what moved", async () => {
    const start = await lastSeq();
    const email = uniqueEmail("audited");
    const created = await invite(t.api, owner.token, orgId, email, "member");
    const firstToken = await mailed(email, "gg_inv");
    t.clock.advance(1000);
    await t.api("POST", invitesPath(orgId, `/${created.id}/resend`), { token: owner.token });
    const token = await mailed(email, "gg_inv");
    const invitee = await verifiedAccount(t.api, mailed, email);
    await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } });
    await t.api("POST", `/v1/dashboard/orgs/${orgId}/leave`, { token: invitee.token });

    const declinedEmail = uniqueEmail("declines");
    const declined = await invite(t.api, owner.token, orgId, declinedEmail, "viewer");
    const decliner = await verifiedAccount(t.api, mailed, declinedEmail);
    await t.api("POST", "/v1/dashboard/invites/decline", { token: decliner.token, body: { token: await mailed(declinedEmail, "gg_inv") } });
    const revoked = await invite(t.api, owner.token, orgId, uniqueEmail("revoked"), "admin");
    await t.api("DELETE", invitesPath(orgId, `/${revoked.id}`), { token: owner.token });

    const entries = await entriesSince(start);
    const byOwner = { type: "user", id: owner.userId, label: owner.email };
    expect(entries.map((e) => [e.action, e.actor.id, e.resource.type, e.changes])).toEqual([
      ["member.invited", owner.userId, "invite", { email: [null, email], role: [null, "member"], status: [null, "pending"] }],
      ["invite.resent", owner.userId, "invite", { expiresAt: [created.expiresAt, new Date(Date.parse(created.expiresAt) + 1000).toISOString()] }],
      ["invite.accepted", invitee.userId, "invite", { status: ["pending", "accepted"] }],
      ["member.joined", invitee.userId, "member", { role: [null, "member"] }],
      ["member.removed", invitee.userId, "member", { role: ["member", null] }],
      ["member.invited", owner.userId, "invite", { email: [null, declinedEmail], role: [null, "viewer"], status: [null, "pending"] }],
      ["invite.declined", decliner.userId, "invite", { status: ["pending", "declined"] }],
      ["member.invited", owner.userId, "invite", expect.any(Object)],
      ["invite.revoked", owner.userId, "invite", { status: ["pending", "revoked"] }],
    ]);
    expect(entries[0]!.actor).toEqual(byOwner);
    expect(entries.filter((e) => e.resource.type === "invite").map((e) => e.resource.id)).toEqual(
      [created.id, created.id, created.id, declined.id, declined.id, revoked.id, revoked.id],
    );
    const text = JSON.stringify(entries);
    for (const secret of [firstToken, token, "gg_inv_"]) expect(text).not.toContain(secret);
    expect((await t.api("GET", `/v1/dashboard/orgs/${orgId}/audit-log/verify`, { token: owner.token })).body.data).toMatchObject({ valid: true, firstBadSeq: null });
  });

  test("a refused change appends nothing", async () => {
    const start = await lastSeq();
    const email = uniqueEmail("refused");
    await invite(t.api, owner.token, orgId, email, "member");
    const token = await mailed(email, "gg_inv");
    const stranger = await verifiedAccount(t.api, mailed);
    const afterInvite = await lastSeq();
    expect(afterInvite).toBe(start + 1);
    expect((await t.api("POST", "/v1/dashboard/invites/accept", { token: stranger.token, body: { token } })).status).toBe(403);
    expect((await t.api("POST", invitesPath(orgId), { token: owner.token, body: { email, role: "admin" } })).status).toBe(409);
    expect((await t.api("POST", `/v1/dashboard/orgs/${orgId}/leave`, { token: owner.token })).status).toBe(403);
    expect(await lastSeq()).toBe(afterInvite);
  });
});
