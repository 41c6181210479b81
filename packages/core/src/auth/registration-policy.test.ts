import { describe, expect, test } from "bun:test";
import { REGISTRATION_POLICIES, signUpRule, type SignUpRule } from "./registration-policy.ts";

describe("signUpRule", () => {
  test("a stranger signs up only as the policy says; an invitation is always let in", () => {
    const table = Object.fromEntries(REGISTRATION_POLICIES.map((policy) => [policy, [signUpRule(policy, "self-service"), signUpRule(policy, "invited")]]));
    expect(table).toEqual({
      first: ["only-if-first", "allow"],
      open: ["allow", "allow"],
      closed: ["refuse", "allow"],
    } satisfies Record<string, SignUpRule[]>);
  });
});
