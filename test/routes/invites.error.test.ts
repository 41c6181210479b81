import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, expectError, type TestApp } from "../support/test-app.ts";
import { signUp, uniqueEmail } from "../support/accounts.ts";
import { team, type Team } from "../support/team.ts";
import { invite, invitesPath, verifiedAccount } from "../support/invites.ts";
import { databaseDigest } from "../support/database-digest.ts";
import type { ApiResponse } from "../support/http-client.ts";

/** Bad invitations and bad tokens: a clear error from the catalogue, and not one row changes. */
describe("invitations: refused requests change nothing", () => {
  let t: TestApp;
  let crew: Team;
  beforeAll(async () => {
    t = await openTestApp();
    crew = await team(t.api);
  });
  afterAll(() => t.close());

  const mailed = (to: string, prefix: "gg_ve" | "gg_inv") => t.mailedToken(to, prefix);

  async function refused(send: () => Promise<ApiResponse>, status: number, code: string) {
    const before = await databaseDigest(t);
    const answer = await send();
    expectError(answer, status, code);
    expect(typeof answer.body.error.message).toBe("string");
    expect(await databaseDigest(t)).toBe(before);
    return answer;
  }

  test("malformed emails, unknown roles and owner as a role are 400", async () => {
    const post = (body: unknown) => () => t.api("POST", invitesPath(crew.orgId), { token: crew.owner.token, body });
    for (const email of ["not-an-email", "a@b", "two@@example.com", "sp ace@example.com", "", "x".repeat(250) + "@example.com"]) {
      await refused(post({ email, role: "member" }), 400, "VALIDATION_ERROR");
    }
    for (const role of ["owner", "superuser", "", 3, null]) await refused(post({ email: uniqueEmail(), role }), 400, "VALIDATION_ERROR");
    await refused(post({ email: uniqueEmail() }), 400, "VALIDATION_ERROR");
    await refused(() => t.api("GET", invitesPath(crew.orgId, "?status=maybe"), { token: crew.owner.token }), 400, "VALIDATION_ERROR");
  });

  test("members and viewers cannot invite; another org's admin cannot see or touch this org's invites", async () => {
    const body = { email: uniqueEmail(), role: "viewer" };
    for (const who of [crew.member, crew.viewer]) {
      await refused(() => t.api("POST", invitesPath(crew.orgId), { token: who.token, body }), 403, "PERMISSION_DENIED");
      await refused(() => t.api("GET", invitesPath(crew.orgId), { token: who.token }), 403, "PERMISSION_DENIED");
    }
    await refused(() => t.api("POST", invitesPath(crew.orgId), { token: crew.stranger.token, body }), 403, "FORBIDDEN");
    const ours = await invite(t.api, crew.admin.token, crew.orgId, uniqueEmail(), "admin");
    // The stranger administers their own org: this org's invite is not found there.
    await refused(() => t.api("POST", invitesPath(crew.stranger.orgId, `/${ours.id}/resend`), { token: crew.stranger.token }), 404, "NOT_FOUND");
    await refused(() => t.api("DELETE", invitesPath(crew.stranger.orgId, `/${ours.id}`), { token: crew.stranger.token }), 404, "NOT_FOUND");
    await refused(() => t.api("DELETE", invitesPath(crew.orgId, `/${ours.id}`), { token: crew.stranger.token }), 403, "FORBIDDEN");
  });

  test("an existing member or a pending invite is 409", async () => {
    await refused(() => t.api("POST", invitesPath(crew.orgId), { token: crew.owner.token, body: { email: crew.viewer.email.toUpperCase(), role: "admin" } }), 409, "CONFLICT");
    const email = uniqueEmail();
    await invite(t.api, crew.owner.token, crew.orgId, email, "member");
    await refused(() => t.api("POST", invitesPath(crew.orgId), { token: crew.admin.token, body: { email, role: "viewer" } }), 409, "CONFLICT");
  });

  test("used, revoked, unknown tokens and another org's token are 401; the wrong or an unverified address is 403", async () => {
    const email = uniqueEmail("target");
    const created = await invite(t.api, crew.owner.token, crew.orgId, email, "member");
    const token = await mailed(email, "gg_inv");
    const accept = (who: { token: string }, value: string) => () => t.api("POST", "/v1/dashboard/invites/accept", { token: who.token, body: { token: value } });
    const decline = (who: { token: string }, value: string) => () => t.api("POST", "/v1/dashboard/invites/decline", { token: who.token, body: { token: value } });

    // Signed up but not verified: no invites listed, accepting is refused.
    const unverified = await signUp(t.api, email);
    expect((await t.api("GET", "/v1/dashboard/invites", { token: unverified.token })).body.data.invites).toEqual([]);
    await refused(accept(unverified, token), 403, "PERMISSION_DENIED");
    // Someone else, verified: refused, and their list does not show it.
    const other = await verifiedAccount(t.api, mailed);
    await refused(accept(other, token), 403, "PERMISSION_DENIED");
    await refused(decline(other, token), 403, "PERMISSION_DENIED");
    await refused(accept(other, "gg_inv_" + "A".repeat(43)), 401, "UNAUTHORIZED");
    await refused(accept(other, "short"), 400, "VALIDATION_ERROR");

    // Another org's invite to someone else: its token does not open this org, whoever holds it.
    const elsewhere = uniqueEmail("elsewhere");
    await invite(t.api, crew.stranger.token, crew.stranger.orgId, elsewhere, "admin");
    const foreign = await mailed(elsewhere, "gg_inv");
    await refused(accept(crew.member, foreign), 403, "PERMISSION_DENIED");

    const revoked = await t.api("DELETE", invitesPath(crew.orgId, `/${created.id}`), { token: crew.owner.token });
    expect(revoked.status).toBe(200);
    await t.api("POST", "/v1/auth/verify-email", { body: { token: await mailed(email, "gg_ve") } });
    await refused(accept(unverified, token), 401, "UNAUTHORIZED");
    await refused(decline(unverified, token), 401, "UNAUTHORIZED");
    await refused(() => t.api("POST", invitesPath(crew.orgId, `/${created.id}/resend`), { token: crew.owner.token }), 409, "CONFLICT");
  });

  test("accepting as someone who already joined another way is 409 and the invite stays pending", async () => {
    const invitee = await verifiedAccount(t.api, mailed);
    const created = await invite(t.api, crew.owner.token, crew.orgId, invitee.email, "viewer");
    const token = await mailed(invitee.email, "gg_inv");
    expect((await t.api("POST", `/v1/dashboard/orgs/${crew.orgId}/members`, { token: crew.owner.token, body: { email: invitee.email, role: "member" } })).status).toBe(201);
    await refused(() => t.api("POST", "/v1/dashboard/invites/accept", { token: invitee.token, body: { token } }), 409, "CONFLICT");
    const listed = await t.api("GET", invitesPath(crew.orgId, "?status=pending"), { token: crew.owner.token });
    expect(listed.body.data.invites.map((i: { id: string }) => i.id)).toContain(created.id);
  });
});
