import { actingAs, systemOrigin, uuidv7, type ActingContext, type GgContext } from "@geckoguard/core";

/** For tests that call a changing use case directly: the audit log names the test as a system actor. */
export function actingAsTest(ctx: GgContext): ActingContext {
  return actingAs(ctx, systemOrigin("test", uuidv7()));
}
