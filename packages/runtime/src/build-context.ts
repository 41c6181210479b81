import { createHmac } from "node:crypto";
import {
  aesGcmSecretBox,
  createIdempotency,
  type Clock,
  type GgContext,
  type IdempotencyStore,
  type Logger,
  type RateLimitStore,
  type Store,
} from "@geckoguard/core";
import { argon2idHasher, jwtAccessTokens, stripeEventVerifier, systemResolveHost } from "@geckoguard/drivers";
import { deploymentRateLimiter, type SqlRunner } from "@geckoguard/store-libsql";
import { RUNTIME_DEFAULTS, type CreateGeckoguardOptions } from "./options.ts";

export interface ContextParts {
  store: Store;
  clock: Clock;
  secret: Uint8Array;
  runner: SqlRunner;
  buckets: RateLimitStore;
  idempotencyRecords: IdempotencyStore;
  logger: Logger;
}

/** The use cases' ports and settings: the store, the drivers, and the keys derived from the one secret. */
export function buildContext(options: CreateGeckoguardOptions, parts: ContextParts): GgContext {
  const { store, clock, secret, logger } = parts;
  const allowInsecure = options.allowInsecureWebhooks ?? false;
  return {
    store,
    clock,
    passwords: options.passwords ?? argon2idHasher(),
    accessTokens: jwtAccessTokens(secret),
    publicUrl: options.publicUrl,
    registration: options.registration ?? RUNTIME_DEFAULTS.registration,
    rateLimiter: deploymentRateLimiter(parts.runner, { buckets: parts.buckets, clock, settings: options.rateLimits, logger }),
    idempotency: createIdempotency({
      store: parts.idempotencyRecords,
      clock,
      // Its own key, derived from the secret every process of a deployment shares.
      fingerprintSecret: createHmac("sha256", secret).update("geckoguard idempotency fingerprints").digest(),
      logger,
    }),
    webhooks: {
      // Endpoint secrets are sealed under a key derived from the same secret (docs/webhooks.md).
      secrets: aesGcmSecretBox(secret),
      urlPolicy: { allowHttp: allowInsecure, allowLoopback: allowInsecure, resolveHost: options.resolveHost ?? systemResolveHost },
    },
    stripe: stripeEventVerifier(),
  };
}
