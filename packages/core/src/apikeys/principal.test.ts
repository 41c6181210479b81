import { expect, test } from "bun:test";
import { assertKeyCan, type ApiKeyPrincipal } from "./principal.ts";
import { GgError } from "../errors/gg-error.ts";

const key: ApiKeyPrincipal = { id: "k", name: "k", productId: "p1", orgId: "o", permissions: ["license:read"] };

function outcome(fn: () => void): string {
  try {
    fn();
    return "allowed";
  } catch (e) {
    return `${(e as GgError).code}: ${(e as GgError).message}`;
  }
}

test("another product is FORBIDDEN before any scope check; a missing scope is named", () => {
  expect(outcome(() => assertKeyCan(key, "p1", "license:read"))).toBe("allowed");
  expect(outcome(() => assertKeyCan(key, "p2", "license:read"))).toStartWith("FORBIDDEN");
  expect(outcome(() => assertKeyCan(key, "p2", "license:create"))).toStartWith("FORBIDDEN");
  expect(outcome(() => assertKeyCan(key, "p1", "license:create"))).toBe("PERMISSION_DENIED: This API key lacks the 'license:create' scope");
});
