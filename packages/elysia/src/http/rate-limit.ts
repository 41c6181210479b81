import type { GgContext, RateLimitDecision } from "@geckoguard/core";
import { rateLimitHeaders } from "./rate-limit-headers.ts";
import { clientIpOf } from "./client-ip.ts";

type HeaderBag = { headers: Record<string, string | number> };

/** Puts a passed decision's RateLimit-* headers on the answer, unless a tighter bucket already did. */
export function applyRateLimitHeaders(set: HeaderBag, decision: RateLimitDecision): void {
  const current = set.headers["ratelimit-remaining"];
  if (current !== undefined && Number(current) < decision.remaining) return;
  if (current !== undefined && Number(current) === decision.remaining) {
    if (Number(set.headers["ratelimit-reset"]) * 1000 >= decision.resetMs) return;
  }
  Object.assign(set.headers, rateLimitHeaders(decision));
}

/** The per-IP bucket of JWT routes and /v1/auth/*: a transform, so it runs before validation and JWT checks. */
export function limitByIp(ctx: GgContext) {
  return async ({ request, set }: { request: Request; set: HeaderBag }) => {
    applyRateLimitHeaders(set, await ctx.rateLimiter.enforceIp(clientIpOf(request)));
  };
}

/**
 * Route transform for login, TOTP verify-login, register and forgot-password: the
 * tighter per-IP and per-account buckets, before the body is validated and long before
 * any password is hashed. `accountOf` reads the account from the unvalidated body.
 */
export function limitAuthAttempts(ctx: GgContext, accountOf: (body: unknown) => string | null | Promise<string | null>) {
  return async ({ request, body, set }: { request: Request; body: unknown; set: HeaderBag }) => {
    const account = await accountOf(body);
    applyRateLimitHeaders(set, await ctx.rateLimiter.enforceAuthAttempt({ ip: clientIpOf(request), account }));
  };
}

/** A string field of an unvalidated JSON body, or null. */
export function stringField(body: unknown, field: string): string | null {
  const value = (body as Record<string, unknown> | null | undefined)?.[field];
  return typeof value === "string" ? value : null;
}
