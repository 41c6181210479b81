import { describe, expect, test } from "bun:test";
import { MEMBER_ACTIONS, memberActionRefusal, type MemberAction } from "./member-rules.ts";
import { ORG_ROLES, type OrgRole } from "./roles.ts";

/**
 * Every (actor role × target role × action) cell, written out: Y = allowed, n = refused
 * with PERMISSION_DENIED. Rows are actors, columns targets, in the order owner, admin,
 * member, viewer. For `leave` the target is the actor itself (only the diagonal counts).
 */
const TABLE: Record<MemberAction, Record<OrgRole, string>> = {
  changeRole: { owner: "nYYY", admin: "nYYY", member: "nnnn", viewer: "nnnn" },
  remove: { owner: "nYYY", admin: "nYYY", member: "nnnn", viewer: "nnnn" },
  transferOwnership: { owner: "nYYY", admin: "nnnn", member: "nnnn", viewer: "nnnn" },
  leave: { owner: "nnnn", admin: "YYYY", member: "YYYY", viewer: "YYYY" },
};

describe("member rules: every actor × target × action", () => {
  for (const action of MEMBER_ACTIONS) {
    for (const actor of ORG_ROLES) {
      ORG_ROLES.forEach((target, column) => {
        const allowed = TABLE[action][actor][column] === "Y";
        test(`${actor} ${action} ${target}: ${allowed ? "allowed" : "refused"}`, () => {
          const refusal = action === "leave" ? memberActionRefusal(actor, actor, action) : memberActionRefusal(actor, target, action);
          expect(refusal?.code ?? "allowed").toBe(allowed ? "allowed" : "PERMISSION_DENIED");
        });
      });
    }
  }

  test("no allowed cell can leave an org without its owner", () => {
    // Only transfer touches the owner's row, and it names a new owner in the same breath.
    for (const actor of ORG_ROLES) {
      for (const action of ["changeRole", "remove"] as const) expect(memberActionRefusal(actor, "owner", action)).not.toBeNull();
    }
    expect(memberActionRefusal("owner", "owner", "leave")).not.toBeNull();
  });
});
