import { Elysia } from "elysia";
import { GgError, type GgContext } from "@geckoguard/core";
import { checkIdempotencyKey } from "./idempotency.ts";
import { limitByIp } from "./rate-limit.ts";

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
 * limit (before validation and the JWT check), then `userId`, then the Idempotency-Key
 * of mutating requests, scoped to that user.
 */
export function requireUser(ctx: GgContext) {
  return new Elysia()
    .onTransform({ as: "scoped" }, limitByIp(ctx))
    .resolve({ as: "scoped" }, async ({ headers }) => ({ userId: await authenticateUser(ctx, headers) }))
    .onBeforeHandle({ as: "scoped" }, (context) => checkIdempotencyKey(ctx, context, `user:${context.userId}`));
}
