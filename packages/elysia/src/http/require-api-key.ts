import { Elysia } from "elysia";
import { actingAs, authenticateApiKey, GgError, type GgContext } from "@geckoguard/core";
import { apiKeyOrigin } from "./change-origin.ts";
import { clientIpOf } from "./client-ip.ts";
import { checkIdempotencyKey } from "./idempotency.ts";
import { applyRateLimitHeaders } from "./rate-limit.ts";
import { assertKeyTenant, deferTenantCheck } from "./tenant-access.ts";

/** `X-Api-Key` → the key's principal. Bearer JWTs are refused on these routes. */
export async function authenticateKeyHeader(ctx: GgContext, headers: Record<string, string | undefined>) {
  const key = headers["x-api-key"];
  if (key === undefined || key === "") {
    if (headers.authorization !== undefined) {
      throw new GgError("UNAUTHORIZED", "Access tokens are not accepted on API-key routes; send X-Api-Key");
    }
    throw new GgError("UNAUTHORIZED", "Missing X-Api-Key header");
  }
  return authenticateApiKey(ctx, key);
}

/**
 * The guard of API-key routes, for every route of the instance that uses it: `apiKey`
 * (the principal; before validation, so a request without a live key is 401 whatever
 * its body, and a validation error waits for the product check, see tenant-access.ts),
 * `acting` (the use cases' context naming the key as the change's origin),
 * then its rate-limit buckets (per IP, key and product, with the product's own limits),
 * then the Idempotency-Key of mutating requests, scoped to the key.
 */
export function requireApiKey(ctx: GgContext) {
  return new Elysia()
    .derive({ as: "scoped" }, async (request) => {
      const apiKey = await authenticateKeyHeader(ctx, request.headers);
      deferTenantCheck(request.request, () => assertKeyTenant(apiKey, request));
      return { apiKey, acting: actingAs(ctx, apiKeyOrigin(request, apiKey)) };
    })
    .onBeforeHandle({ as: "scoped" }, async (context) => {
      const { request, set, apiKey } = context;
      const ip = clientIpOf(request);
      applyRateLimitHeaders(set, await ctx.rateLimiter.enforceApiKeyLimits({ ip, apiKeyId: apiKey.id, productId: apiKey.productId }));
      return checkIdempotencyKey(ctx, context, `key:${apiKey.id}`);
    });
}
