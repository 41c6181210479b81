import { Type, type Static } from "@sinclair/typebox";

/** Per-minute limits of every bucket (docs/authentication.md#rate-limits); each is a deployment knob. */
export interface RateLimitSettings {
  /** JWT routes and /v1/auth/* together, per client IP. */
  ipPerMin: number;
  /** Login, TOTP verify-login, register, forgot-password: per client IP, on top of `ipPerMin`. */
  authIpPerMin: number;
  /** The same routes, per account (email). */
  authAccountPerMin: number;
  /** API-key routes, per client IP. */
  apiKeyIpPerMin: number;
  /** API-key routes, per API key. */
  keyPerMin: number;
  /** API-key routes, per product (all its keys together). */
  productPerMin: number;
  /** POST /v1/licenses/authorize, per license key. */
  licensePerMin: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  ipPerMin: 120,
  authIpPerMin: 10,
  authAccountPerMin: 5,
  apiKeyIpPerMin: 600,
  keyPerMin: 60_000,
  productPerMin: 120_000,
  licensePerMin: 20,
};

/**
 * Highest per-minute limit accepted ("no limit" for benchmarks). GCRA intervals are whole
 * microseconds, so any limit above 60,000,000 a minute acts as 60,000,000.
 */
export const MAX_PER_MIN = 1_000_000_000;

const PerMinute = Type.Integer({ minimum: 1, maximum: MAX_PER_MIN });

/** A product's own limits for its API-key and authorize buckets; unset ones use the deployment's. */
export const ProductRateLimitsSchema = Type.Object(
  {
    apiKeyIpPerMin: Type.Optional(PerMinute),
    keyPerMin: Type.Optional(PerMinute),
    productPerMin: Type.Optional(PerMinute),
    licensePerMin: Type.Optional(PerMinute),
  },
  { additionalProperties: false, description: "Per-minute overrides of the deployment's API-key and authorize limits" },
);
export type ProductRateLimits = Static<typeof ProductRateLimitsSchema>;
