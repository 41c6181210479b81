import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { MEMBER_ACTIONS, ORG_ROLES, memberActionRefusal, type MemberAction, type OrgRole } from "@geckoguard/core";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { signUp } from "../support/accounts.ts";
import { addMember } from "../support/team.ts";
import type { ApiResponse } from "../support/http-client.ts";

type Account = Awaited<ReturnType<typeof signUp>>;

/** The expected outcome of each cell, written out (Y allowed, n 403 PERMISSION_DENIED); columns: owner, admin, member, viewer. */
const TABLE: Record<MemberAction, Record<OrgRole, string>> = {
  changeRole: { owner: "nYYY", admin: "nYYY", member: "nnnn", viewer: "nnnn" },
  remove: { owner: "nYYY", admin: "nYYY", member: "nnnn", viewer: "nnnn" },
  transferOwnership: { owner: "-YYY", admin: "nnnn", member: "nnnn", viewer: "nnnn" },
  leave: { owner: "n---", admin: "-Y--", member: "--Y-", viewer: "---Y" },
};

/**
 * Every (actor role × target role × action) cell through the real routes, each on a fresh
 * org: the answer, then the members afterwards (a refusal changes nothing; the org always
 * has exactly one owner). "-" cells do not exist (leave targets oneself; the owner
 * transferring to themselves is a no-op covered in orgs.ownership).
 */
describe("member role rules over the routes", () => {
  let t: TestApp;
  // Two accounts per non-owner role, so an actor can act on another member of its own role.
  const people = {} as Record<"owner" | "admin" | "admin2" | "member" | "member2" | "viewer" | "viewer2", Account>;
  beforeAll(async () => {
    t = await openTestApp();
    for (const name of ["owner", "admin", "admin2", "member", "member2", "viewer", "viewer2"] as const) people[name] = await signUp(t.api);
  });
  afterAll(() => t.close());

  async function freshOrg(): Promise<string> {
    const org = await t.api("POST", "/v1/dashboard/orgs", { token: people.owner.token, body: { name: "Rules" } });
    const orgId = org.body.data.org.id as string;
    for (const name of ["admin", "admin2", "member", "member2", "viewer", "viewer2"] as const) {
      await addMember(t.api, people.owner.token, orgId, people[name].email, name.replace("2", ""));
    }
    return orgId;
  }

  function act(action: MemberAction, orgId: string, actor: Account, target: Account): Promise<ApiResponse> {
    const path = `/v1/dashboard/orgs/${orgId}`;
    if (action === "changeRole") {
      return t.api("PATCH", `${path}/members/${target.userId}`, { token: actor.token, body: { role: "viewer" === roleOfName(target) ? "member" : "viewer" } });
    }
    if (action === "remove") return t.api("DELETE", `${path}/members/${target.userId}`, { token: actor.token });
    if (action === "transferOwnership") return t.api("POST", `${path}/transfer-ownership`, { token: actor.token, body: { userId: target.userId } });
    return t.api("POST", `${path}/leave`, { token: actor.token });
  }

  const roleOfName = (account: Account) =>
    (Object.entries(people).find(([, a]) => a === account)![0].replace("2", "") as OrgRole);
  const actorFor = (role: OrgRole) => people[role];
  const targetFor = (actor: OrgRole, target: OrgRole, action: MemberAction) =>
    action === "leave" || target === "owner" || actor !== target ? people[target] : people[`${target}2` as "admin2"];

  for (const action of MEMBER_ACTIONS) {
    for (const actor of ORG_ROLES) {
      ORG_ROLES.forEach((target, column) => {
        const cell = TABLE[action][actor][column];
        if (cell === "-") return;
        test(`${actor} ${action} ${target}: ${cell === "Y" ? "allowed" : "refused"}`, async () => {
          // The route table and the pure rule agree.
          const rule = memberActionRefusal(actor, action === "leave" ? actor : target, action);
          expect(rule === null).toBe(cell === "Y");

          const orgId = await freshOrg();
          const before = await membersOf(orgId);
          const actorAccount = actorFor(actor);
          const targetAccount = targetFor(actor, target, action);
          const answer = await act(action, orgId, actorAccount, targetAccount);
          const after = await membersOf(orgId);
          if (cell === "n") {
            expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 403, code: "PERMISSION_DENIED" });
            expect(after).toEqual(before);
          } else {
            expect(answer.status).toBe(200);
            const expected = new Map(before);
            if (action === "changeRole") expected.set(targetAccount.userId, before.get(targetAccount.userId) === "viewer" ? "member" : "viewer");
            if (action === "remove" || action === "leave") expected.delete(targetAccount.userId);
            if (action === "transferOwnership") {
              expected.set(targetAccount.userId, "owner");
              expected.set(actorAccount.userId, "admin");
            }
            expect(after).toEqual(expected);
          }
          expect([...after.values()].filter((role) => role === "owner")).toHaveLength(1);
        });
      });
    }
  }

  /** Each member's role, read from the store (after a transfer or a leave, the caller may no longer read the list). */
  async function membersOf(orgId: string) {
    const members = await t.context.store.members.list(orgId);
    return new Map(members.map((m) => [m.userId, m.role as string]));
  }
});
