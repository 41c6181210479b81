import { describe, expect, test } from "bun:test";
import { changedFields, createdFields } from "./changed-fields.ts";

describe("changed fields", () => {
  test("only fields that moved, as [before, after], compared as JSON", () => {
    const before = { name: "a", tags: ["x"], note: null as string | null, secret: "s1" };
    const after = { name: "b", tags: ["x"], note: "n", secret: "s2" };
    expect(changedFields(before, after, ["name", "tags", "note"])).toEqual({ name: ["a", "b"], note: [null, "n"] });
    expect(changedFields(before, { ...before }, ["name", "tags"])).toBeNull();
  });

  test("a creation names each field as [null, value]", () => {
    expect(createdFields({ name: "p", maxSessions: 3 }, ["name", "maxSessions"])).toEqual({ name: [null, "p"], maxSessions: [null, 3] });
  });
});
