import { Elysia } from "elysia";
import { GgError, actingAs, type GgContext } from "@geckoguard/core";
import { userOrigin } from "./change-origin.ts";
import { checkIdempotencyKey } from "./idempotency.ts";
import { limitByIp } from "./rate-limit.ts";
import { assertUserTenant, deferTenantCheck } from "./tenant-access.ts";

/** `Authorization: Bearer <jwt>` → the user id. API keys are refused on these routes. */
export async function authenticateUser(ctx: GgContext, headers: Record<string, string | undefined>): Promise<string> {
  const authorization = headers.authorization;
  if (authorization === undefined) {
    if (headers["x-api-key"] !== undefined) {
      throw new GgError("UNAUTHORIZED", "API keys are not accepted on dashboard routes; use a Bearer access token");
    }
    throw new GgError("UNAUTHORIZED", "Missing Authorization: Bearer <accessToken>");
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (match === null) throw new GgError("UNAUTHORIZED", "Malformed Authorization header; expected 'Bearer <accessToken>'");
  return ctx.accessTokens.verify(match[1]!, ctx.clock.now());
}

/**
 * The guard of JWT routes, for every route of the instance that uses it: the per-IP rate
 * limit, then `userId` (both before validation: a request without a valid token is 401
 * whatever its body, and a validation error waits for the org/product check, see
 * tenant-access.ts), `acting` (the context for use cases that change something, naming the
 * user as the change's origin for the audit log), then the Idempotency-Key of mutating requests, scoped to that user.
 */
export function requireUser(ctx: GgContext) {
  return new Elysia()
    .onTransform({ as: "scoped" }, limitByIp(ctx))
    .derive({ as: "scoped" }, async (request) => {
      const userId = await authenticateUser(ctx, request.headers);
      deferTenantCheck(request.request, () => assertUserTenant(ctx, userId, request));
      return { userId, acting: actingAs(ctx, userOrigin(request, userId)) };
    })
    .onBeforeHandle({ as: "scoped" }, (context) => checkIdempotencyKey(ctx, context, `user:${context.userId}`));
}
