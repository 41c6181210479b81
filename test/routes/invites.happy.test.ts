import { afterAll, beforeAll, beforeEach, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { PASSWORD, orgWithProduct, signUp, uniqueEmail } from "../support/accounts.ts";
import { invite, invitesPath, verifiedAccount } from "../support/invites.ts";

const DAY = 86_400_000;

/** docs/team-and-audit.md#invitations-and-roles: invite, list, resend, revoke, accept, decline, leave. */
describe("invitations", () => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signUp>>;
  let orgId: string;
  beforeAll(async () => {
    t = await openTestApp();
    owner = await signUp(t.api);
    ({ orgId } = await orgWithProduct(t.api, owner.token));
  });
  afterAll(() => t.close());
  // Tests move the clock by days: access tokens (15 minutes) are taken afresh.
  const login = async (email: string) => (await t.api("POST", "/v1/auth/login", { body: { email, password: PASSWORD } })).body.data.accessToken as string;
  beforeEach(async () => {
    owner.token = await login(owner.email);
  });

  const mailed = (to: string, prefix: "gg_ve" | "gg_inv") => t.mailedToken(to, prefix);

  test("an invited address gets a link, joins with the role after verifying, and the link works once", async () => {
    const email = uniqueEmail("Newcomer");
    const created = await invite(t.api, owner.token, orgId, email, "member");
    expect(created).toEqual({
      id: expect.any(String), orgId, email: email.toLowerCase(), role: "member", status: "pending",
      invitedBy: owner.userId, expiresAt: new Date(t.clock.now() + 7 * DAY).toISOString(), createdAt: new Date(t.clock.now()).toISOString(),
    });
    const token = await mailed(email.toLowerCase(), "gg_inv");
    const [mail] = (await t.database.client.execute({ sql: "SELECT body FROM mail_outbox WHERE to_address = ? AND body LIKE '%gg_inv_%'", args: [email.toLowerCase()] })).rows;
    expect(String(mail!.body)).toContain(`http://localhost:8787/invite?token=${token}`);
    // Only the token's hash is stored.
    expect((await t.database.client.execute("SELECT token_hash FROM org_invites")).rows.map((r) => r.token_hash)).not.toContain(token);

    const invitee = await verifiedAccount(t.api, mailed, email.toLowerCase());
    const mine = await t.api("GET", "/v1/dashboard/invites", { token: invitee.token });
    expect(mine.body.data.invites).toEqual([{ ...created, orgName: "Acme" }]);

    const accepted = await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } });
    expect(accepted.body).toEqual({ ok: true, data: { membership: { orgId, role: "member" } } });
    const org = await t.api("GET", `/v1/dashboard/orgs/${orgId}`, { token: invitee.token });
    expect(org.body.data.org.role).toBe("member");
    expect((await t.api("GET", "/v1/dashboard/invites", { token: invitee.token })).body.data.invites).toEqual([]);

    const members = await t.count("org_members");
    const again = await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } });
    expect({ status: again.status, code: again.body.error.code }).toEqual({ status: 401, code: "UNAUTHORIZED" });
    expect(await t.count("org_members")).toBe(members);
    const listed = await t.api("GET", invitesPath(orgId, "?status=accepted"), { token: owner.token });
    expect(listed.body.data.invites.map((i: { id: string }) => i.id)).toEqual([created.id]);
  });

  test("a resend mails a new token with a new week; the old token stops working", async () => {
    const email = uniqueEmail("resent");
    const first = await invite(t.api, owner.token, orgId, email, "viewer");
    const oldToken = await mailed(email, "gg_inv");
    t.clock.advance(DAY);
    owner.token = await login(owner.email);
    const resent = await t.api("POST", invitesPath(orgId, `/${first.id}/resend`), { token: owner.token });
    expect(resent.status).toBe(200);
    expect(resent.body.data.invite).toMatchObject({ id: first.id, status: "pending", expiresAt: new Date(t.clock.now() + 7 * DAY).toISOString() });
    const newToken = await mailed(email, "gg_inv");
    expect(newToken).not.toBe(oldToken);

    const invitee = await verifiedAccount(t.api, mailed, email);
    const stale = await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token: oldToken } });
    expect(stale.status).toBe(401);
    const accepted = await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token: newToken } });
    expect(accepted.body.data.membership).toEqual({ orgId, role: "viewer" });
  });

  test("a revoked invite's token is dead; revoking twice is 409", async () => {
    const email = uniqueEmail("revoked");
    const created = await invite(t.api, owner.token, orgId, email, "admin");
    const token = await mailed(email, "gg_inv");
    const revoked = await t.api("DELETE", invitesPath(orgId, `/${created.id}`), { token: owner.token });
    expect(revoked.body.data.invite.status).toBe("revoked");
    const invitee = await verifiedAccount(t.api, mailed, email);
    expect((await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } })).status).toBe(401);
    const twice = await t.api("DELETE", invitesPath(orgId, `/${created.id}`), { token: owner.token });
    expect({ status: twice.status, code: twice.body.error.code }).toEqual({ status: 409, code: "CONFLICT" });
    expect((await t.api("GET", `/v1/dashboard/orgs/${orgId}`, { token: invitee.token })).status).toBe(403);
  });

  test("declining ends the invite without joining", async () => {
    const email = uniqueEmail("declines");
    const created = await invite(t.api, owner.token, orgId, email, "member");
    const token = await mailed(email, "gg_inv");
    const invitee = await verifiedAccount(t.api, mailed, email);
    const declined = await t.api("POST", "/v1/dashboard/invites/decline", { token: invitee.token, body: { token } });
    expect(declined.body.data.invite).toMatchObject({ id: created.id, status: "declined" });
    expect((await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } })).status).toBe(401);
    expect((await t.api("GET", `/v1/dashboard/orgs/${orgId}`, { token: invitee.token })).status).toBe(403);
  });

  test("after 7 days an invite reads expired, its token is dead, and the address can be invited again", async () => {
    const email = uniqueEmail("late");
    const created = await invite(t.api, owner.token, orgId, email, "member");
    const token = await mailed(email, "gg_inv");
    const invitee = await verifiedAccount(t.api, mailed, email);
    t.clock.advance(7 * DAY);
    owner.token = await login(owner.email);
    invitee.token = await login(email);
    const expired = await t.api("GET", invitesPath(orgId, "?status=expired"), { token: owner.token });
    expect(expired.body.data.invites.map((i: { id: string }) => i.id)).toContain(created.id);
    const pending = await t.api("GET", invitesPath(orgId, "?status=pending"), { token: owner.token });
    expect(pending.body.data.invites.map((i: { id: string }) => i.id)).not.toContain(created.id);
    expect((await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } })).status).toBe(401);
    const fresh = await invite(t.api, owner.token, orgId, email, "viewer");
    expect(fresh.id).not.toBe(created.id);
    const again = await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token: await mailed(email, "gg_inv") } });
    expect(again.body.data.membership.role).toBe("viewer");
  });

  test("a member leaves; the owner cannot", async () => {
    const email = uniqueEmail("leaver");
    await invite(t.api, owner.token, orgId, email, "admin");
    const invitee = await verifiedAccount(t.api, mailed, email);
    await t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token: await mailed(email, "gg_inv") } });
    const left = await t.api("POST", `/v1/dashboard/orgs/${orgId}/leave`, { token: invitee.token });
    expect(left.body).toEqual({ ok: true, data: { left: true } });
    expect((await t.api("GET", `/v1/dashboard/orgs/${orgId}`, { token: invitee.token })).status).toBe(403);
    const ownerLeaves = await t.api("POST", `/v1/dashboard/orgs/${orgId}/leave`, { token: owner.token });
    expect({ status: ownerLeaves.status, code: ownerLeaves.body.error.code }).toEqual({ status: 403, code: "PERMISSION_DENIED" });
  });

  test("the /invite page the mail links to shows how to accept, escaping the token", async () => {
    const page = await t.handle(new Request("http://localhost/invite?token=gg_inv_abc%3Cscript%3E"));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("/v1/dashboard/invites/accept");
    expect(html).toContain('value="gg_inv_abc&lt;script&gt;"');
    expect(html).not.toContain("<script>");
    expect((await t.handle(new Request("http://localhost/invite"))).status).toBe(400);
  });
});
