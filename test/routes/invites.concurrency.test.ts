import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { orgWithProduct, signUp, uniqueEmail } from "../support/accounts.ts";
import { invite, invitesPath, verifiedAccount } from "../support/invites.ts";

/** Racing requests on one invitation: exactly one wins, and the rows say the same as the answers. */
describe("invitations under concurrency", () => {
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
  const rows = async (sql: string, ...args: string[]) => (await t.database.client.execute({ sql, args })).rows;

  test("five accepts of one token at once: one joins, the others are 401", async () => {
    const email = uniqueEmail("racer");
    await invite(t.api, owner.token, orgId, email, "member");
    const token = await mailed(email, "gg_inv");
    const invitee = await verifiedAccount(t.api, mailed, email);
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401, 401]);
    expect(await rows("SELECT role FROM org_members WHERE org_id = ? AND user_id = ?", orgId, invitee.userId)).toHaveLength(1);
  });

  test("two invites to one address at once: one is created and mailed, the other is 409", async () => {
    const email = uniqueEmail("twice");
    const send = () => t.api("POST", invitesPath(orgId), { token: owner.token, body: { email, role: "viewer" } });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(await rows("SELECT id FROM org_invites WHERE email = ?", email)).toHaveLength(1);
    expect(await rows("SELECT id FROM mail_outbox WHERE to_address = ?", email)).toHaveLength(1);
  });

  test("an accept racing a revoke: exactly one of them happens", async () => {
    const email = uniqueEmail("raced");
    const created = await invite(t.api, owner.token, orgId, email, "admin");
    const token = await mailed(email, "gg_inv");
    const invitee = await verifiedAccount(t.api, mailed, email);
    const [accepted, revoked] = await Promise.all([
      t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } }),
      t.api("DELETE", invitesPath(orgId, `/${created.id}`), { token: owner.token }),
    ]);
    const [row] = await rows("SELECT status FROM org_invites WHERE id = ?", created.id);
    const members = await rows("SELECT role FROM org_members WHERE org_id = ? AND user_id = ?", orgId, invitee.userId);
    if (accepted.status === 200) {
      expect({ revoke: revoked.status, status: row!.status, members: members.length }).toEqual({ revoke: 409, status: "accepted", members: 1 });
    } else {
      expect({ accept: accepted.status, revoke: revoked.status, status: row!.status, members: members.length }).toEqual({ accept: 401, revoke: 200, status: "revoked", members: 0 });
    }
  });
});
