import { describe, expect, test } from "bun:test";
import { assertCan, canPerform, roleAtLeast } from "./roles.ts";
import { GgError } from "../errors/gg-error.ts";

describe("org roles", () => {
  test("ranks owner > admin > member > viewer", () => {
    expect(roleAtLeast("owner", "admin")).toBe(true);
    expect(roleAtLeast("admin", "owner")).toBe(false);
    expect(roleAtLeast("member", "viewer")).toBe(true);
    expect(roleAtLeast("viewer", "member")).toBe(false);
  });

  test.each([
    ["viewer", "read", true],
    ["viewer", "manageLicenses", false],
    ["member", "manageLicenses", true],
    ["member", "manageProducts", false],
    ["admin", "manageProducts", true],
    ["admin", "manageMembers", true],
    ["admin", "deleteOrg", false],
    ["owner", "deleteOrg", true],
    ["owner", "transferOwnership", true],
  ] as const)("%s may %s: %p", (role, action, allowed) => {
    expect(canPerform(role, action)).toBe(allowed);
  });

  test("no membership is FORBIDDEN, a low role is PERMISSION_DENIED", () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
        return "allowed";
      } catch (e) {
        return (e as GgError).code;
      }
    };
    expect(codeOf(() => assertCan(null, "read"))).toBe("FORBIDDEN");
    expect(codeOf(() => assertCan("viewer", "manageProducts"))).toBe("PERMISSION_DENIED");
    expect(codeOf(() => assertCan("admin", "manageProducts"))).toBe("allowed");
  });
});
