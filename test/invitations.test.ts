import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api, type ApiResponse } from "./support/http-client.ts";
import { PASSWORD, uniqueEmail } from "./support/accounts.ts";

/**
 * Invitations end to end against the real server (docs/team-and-audit.md), under the
 * default sign-up policy (`first`): only the invitation lets the newcomer register.
 * Tokens are read from the mail outbox, as an operator would with `geckoguard mail`.
 */
describe("invitations over HTTP", () => {
  let server: RunningServer;
  let api: Api;
  let db: Client;
  beforeAll(async () => {
    server = await startServer({ env: { GG_REGISTRATION: "first", GG_PUBLIC_URL: "http://licensing.test" } });
    api = apiClient(server.baseUrl);
    db = createClient({ url: `file:${join(server.dataDir, "geckoguard.db")}` });
  });
  afterAll(async () => {
    db.close();
    await server.stop();
  });

  /** The newest mailed token with this prefix sent to `to`. */
  async function mailed(to: string, prefix: "gg_ve" | "gg_inv"): Promise<string> {
    const rows = await db.execute({ sql: "SELECT body FROM mail_outbox WHERE to_address = ? ORDER BY created_at DESC, id DESC", args: [to] });
    for (const row of rows.rows) {
      const token = String(row.body).match(new RegExp(`${prefix}_[A-Za-z0-9_-]+`))?.[0];
      if (token !== undefined) return token;
    }
    throw new Error(`no ${prefix} mail to ${to}`);
  }

  /** Every membership and invite row, to prove a refused request wrote nothing. */
  const snapshot = async () =>
    JSON.stringify([(await db.execute("SELECT * FROM org_members ORDER BY org_id, user_id")).rows, (await db.execute("SELECT * FROM org_invites ORDER BY id")).rows]);

  async function refused(send: () => Promise<ApiResponse>, status: number, code: string) {
    const before = await snapshot();
    const answer = await send();
    expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
    expect(answer.body.error.message).toEqual(expect.any(String));
    expect(await snapshot()).toBe(before);
  }

  const login = async (email: string) => (await api("POST", "/v1/auth/login", { body: { email, password: PASSWORD } })).body.data.accessToken as string;

  test("owner invites → invitee registers, verifies, accepts, works as a member; the token works once", async () => {
    const ownerEmail = uniqueEmail("owner");
    expect((await api("POST", "/v1/auth/register", { body: { email: ownerEmail, password: PASSWORD } })).status).toBe(201);
    const owner = await login(ownerEmail);
    const org = (await api("POST", "/v1/dashboard/orgs", { token: owner, body: { name: "Acme" } })).body.data.org;
    const product = (await api("POST", "/v1/dashboard/products", { token: owner, body: { orgId: org.id, name: "App" } })).body.data.product;

    const email = uniqueEmail("newcomer");
    // Sign-up is closed now that an account exists.
    await refused(() => api("POST", "/v1/auth/register", { body: { email, password: PASSWORD } }), 403, "PERMISSION_DENIED");

    // Bad invitations: clear errors, nothing written.
    const invites = `/v1/dashboard/orgs/${org.id}/invites`;
    for (const body of [{ email: "not-an-email", role: "member" }, { email, role: "boss" }, { email, role: "owner" }, { email }]) {
      await refused(() => api("POST", invites, { token: owner, body }), 400, "VALIDATION_ERROR");
    }

    const created = await api("POST", invites, { token: owner, body: { email, role: "member" } });
    expect(created.status).toBe(201);
    expect(created.body.data.invite).toMatchObject({ orgId: org.id, email, role: "member", status: "pending" });
    await refused(() => api("POST", invites, { token: owner, body: { email, role: "viewer" } }), 409, "CONFLICT");
    const inviteToken = await mailed(email, "gg_inv");
    const mail = (await db.execute({ sql: "SELECT body FROM mail_outbox WHERE to_address = ? AND body LIKE '%gg_inv_%'", args: [email] })).rows[0]!;
    expect(String(mail.body)).toContain(`http://licensing.test/invite?token=${inviteToken}`);
    const page = await fetch(`${server.baseUrl}/invite?token=${inviteToken}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(inviteToken);

    const registered = await api("POST", "/v1/auth/register", { body: { email, password: PASSWORD, inviteToken } });
    expect(registered.status).toBe(201);
    let invitee = await login(email);
    // Not verified yet: accepting is refused and nothing changes.
    await refused(() => api("POST", "/v1/dashboard/invites/accept", { token: invitee, body: { token: inviteToken } }), 403, "PERMISSION_DENIED");
    expect((await api("POST", "/v1/auth/verify-email", { body: { token: await mailed(email, "gg_ve") } })).status).toBe(200);
    invitee = await login(email);
    expect((await api("GET", "/v1/dashboard/invites", { token: invitee })).body.data.invites).toEqual([{ ...created.body.data.invite, orgName: "Acme" }]);

    const accepted = await api("POST", "/v1/dashboard/invites/accept", { token: invitee, body: { token: inviteToken } });
    expect(accepted.body).toEqual({ ok: true, data: { membership: { orgId: org.id, role: "member" } } });

    // Works with the role given: members manage licenses, not products.
    const license = await api("POST", `/v1/dashboard/orgs/${org.id}/licenses`, { token: invitee, body: { productId: product.id } });
    expect(license.status).toBe(201);
    await refused(() => api("POST", "/v1/dashboard/products", { token: invitee, body: { orgId: org.id, name: "Mine" } }), 403, "PERMISSION_DENIED");

    await refused(() => api("POST", "/v1/dashboard/invites/accept", { token: invitee, body: { token: inviteToken } }), 401, "UNAUTHORIZED");
    const members = (await api("GET", `/v1/dashboard/orgs/${org.id}/members`, { token: owner })).body.data.members;
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role]).sort()).toEqual([[email, "member"], [ownerEmail, "owner"]].sort());
  });

  test("revoked, expired and foreign tokens, and the wrong address, change nothing", async () => {
    const ownerEmail = uniqueEmail("owner2");
    // Under `first` another account only comes by invitation: the first account invites this
    // one into its org as a viewer, and they make an org of their own.
    const root = await login((await db.execute("SELECT email FROM users ORDER BY created_at LIMIT 1")).rows[0]!.email as string);
    const rootOrg = (await api("GET", "/v1/dashboard/me", { token: root })).body.data.orgs[0].id as string;
    await api("POST", `/v1/dashboard/orgs/${rootOrg}/invites`, { token: root, body: { email: ownerEmail, role: "viewer" } });
    await api("POST", "/v1/auth/register", { body: { email: ownerEmail, password: PASSWORD, inviteToken: await mailed(ownerEmail, "gg_inv") } });
    await api("POST", "/v1/auth/verify-email", { body: { token: await mailed(ownerEmail, "gg_ve") } });
    const owner = await login(ownerEmail);
    const org = (await api("POST", "/v1/dashboard/orgs", { token: owner, body: { name: "Second" } })).body.data.org;

    const invitedEmail = uniqueEmail("target");
    const revokedInvite = (await api("POST", `/v1/dashboard/orgs/${org.id}/invites`, { token: owner, body: { email: invitedEmail, role: "admin" } })).body.data.invite;
    const revokedToken = await mailed(invitedEmail, "gg_inv");
    expect((await api("DELETE", `/v1/dashboard/orgs/${org.id}/invites/${revokedInvite.id}`, { token: owner })).status).toBe(200);
    await refused(() => api("POST", "/v1/auth/register", { body: { email: invitedEmail, password: PASSWORD, inviteToken: revokedToken } }), 401, "UNAUTHORIZED");

    // Invited again; this one runs out (its expiry is moved into the past in the database).
    const second = (await api("POST", `/v1/dashboard/orgs/${org.id}/invites`, { token: owner, body: { email: invitedEmail, role: "admin" } })).body.data.invite;
    const expiredToken = await mailed(invitedEmail, "gg_inv");
    expect((await api("POST", "/v1/auth/register", { body: { email: invitedEmail, password: PASSWORD, inviteToken: expiredToken } })).status).toBe(201);
    await api("POST", "/v1/auth/verify-email", { body: { token: await mailed(invitedEmail, "gg_ve") } });
    const invitee = await login(invitedEmail);
    await db.execute({ sql: "UPDATE org_invites SET expires_at = ? WHERE id = ?", args: [Date.now() - 1000, second.id] });
    for (const token of [revokedToken, expiredToken]) {
      await refused(() => api("POST", "/v1/dashboard/invites/accept", { token: invitee, body: { token } }), 401, "UNAUTHORIZED");
      await refused(() => api("POST", "/v1/dashboard/invites/decline", { token: invitee, body: { token } }), 401, "UNAUTHORIZED");
    }
    const listed = await api("GET", `/v1/dashboard/orgs/${org.id}/invites`, { token: owner });
    expect(listed.body.data.invites.map((i: { status: string }) => i.status)).toEqual(["expired", "revoked"]);

    // The first org's invite to someone else: its token is no use to this invitee, and this org's admin cannot touch it.
    const foreignEmail = uniqueEmail("foreign");
    const foreign = (await api("POST", `/v1/dashboard/orgs/${rootOrg}/invites`, { token: root, body: { email: foreignEmail, role: "member" } })).body.data.invite;
    const foreignToken = await mailed(foreignEmail, "gg_inv");
    await refused(() => api("POST", "/v1/dashboard/invites/accept", { token: invitee, body: { token: foreignToken } }), 403, "PERMISSION_DENIED");
    await refused(() => api("DELETE", `/v1/dashboard/orgs/${org.id}/invites/${foreign.id}`, { token: owner }), 404, "NOT_FOUND");
    await refused(() => api("DELETE", `/v1/dashboard/orgs/${rootOrg}/invites/${foreign.id}`, { token: invitee }), 403, "FORBIDDEN");
  });
});
