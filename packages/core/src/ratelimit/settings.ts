import { Type, type Static } from "@sinclair/typebox";

/**
 * Every rate-limit bucket of a deployment, once: its default per-minute limit and what it
 * counts. The settings type, the defaults and apps/server's settings table (with
 * `--help` and docs/configuration.md) all derive from this table.
 */
export const RATE_LIMIT_KNOBS = {
  ipPerMin: { perMinute: 120, summary: "JWT routes and /v1/auth/*, per client IP" },
  authIpPerMin: { perMinute: 10, summary: "login, TOTP, register, forgot-password: per client IP, on top" },
  authAccountPerMin: { perMinute: 5, summary: "the same routes, per account email" },
  apiKeyIpPerMin: { perMinute: 600, summary: "API-key routes, per client IP (a product may set its own)" },
  keyPerMin: { perMinute: 60_000, summary: "API-key routes, per API key (a product may set its own)" },
  productPerMin: { perMinute: 120_000, summary: "API-key routes, per product (a product may set its own)" },
  licensePerMin: { perMinute: 20, summary: "authorize, per license key (a product may set its own)" },
} as const;

export type RateLimitKnob = keyof typeof RATE_LIMIT_KNOBS;

/** Per-minute limits of every bucket (docs/authentication.md#rate-limits); each is a deployment knob. */
export type RateLimitSettings = Record<RateLimitKnob, number>;

export const DEFAULT_RATE_LIMITS = Object.fromEntries(
  Object.entries(RATE_LIMIT_KNOBS).map(([knob, { perMinute }]) => [knob, perMinute]),
) as RateLimitSettings;

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
