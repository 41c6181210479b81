import { expect, test } from "bun:test";
import { LICENSE_DENIAL_CODES } from "@geckoguard/core";
import { DENIAL_CODES } from "@geckoguard/sdk";

/** The SDK ships without the server's packages, so it keeps its own list of signed verdicts: the same list. */
test("the SDK's denial codes are the server's signed license verdicts", () => {
  expect([...DENIAL_CODES].sort()).toEqual([...LICENSE_DENIAL_CODES].sort());
});
