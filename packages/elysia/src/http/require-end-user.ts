import { Elysia } from "elysia";
import { GgError, actingAs, endUserOrigin, portalCaller, type GgContext, type PortalCaller } from "@geckoguard/core";
import { requestPlace } from "./change-origin.ts";
import { checkIdempotencyKey } from "./idempotency.ts";
import { limitByIp } from "./rate-limit.ts";

/**
 * `Authorization: Bearer <end-user access token>` → the portal caller. A dashboard token
 * (other audience) or an API key is 401 here, as an end-user token is 401 on dashboard
 * routes (require-user.ts verifies the dashboard audience only).
 */
export async function authenticateEndUser(ctx: GgContext, headers: Record<string, string | undefined>): Promise<PortalCaller> {
  const authorization = headers.authorization;
  if (authorization === undefined) {
    if (headers["x-api-key"] !== undefined) throw new GgError("UNAUTHORIZED", "API keys are not accepted on end-user routes; use a portal access token");
    throw new GgError("UNAUTHORIZED", "Missing Authorization: Bearer <accessToken>");
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (match === null) throw new GgError("UNAUTHORIZED", "Malformed Authorization header; expected 'Bearer <accessToken>'");
  return portalCaller(ctx, await ctx.accessTokens.verifyEndUser(match[1]!, ctx.clock.now()));
}

/**
 * The guard of the self-service routes: the per-IP bucket of JWT routes, then the caller
 * (401 without a live end-user token, 403 PORTAL_DISABLED when the org's portal is off,
 * both before the body is validated), then the Idempotency-Key scoped to that end user.
 * Use cases that change something get `acting`, which names the end user as the actor.
 */
export function requireEndUser(ctx: GgContext) {
  return new Elysia()
    .onTransform({ as: "scoped" }, limitByIp(ctx))
    .derive({ as: "scoped" }, async (request) => {
      const caller = await authenticateEndUser(ctx, request.headers);
      // `acting`: the context for use cases that change something, naming the end user in the audit log.
      return { caller, acting: actingAs(ctx, endUserOrigin(caller.endUser, requestPlace(request))) };
    })
    .onBeforeHandle({ as: "scoped" }, (context) => checkIdempotencyKey(ctx, context, `end_user:${context.caller.endUser.id}`));
}
