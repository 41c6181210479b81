import { DEFAULT_RATE_LIMITS, MAX_PER_MIN, type RateLimitSettings } from "@geckoguard/core";
import { ConfigError } from "../config-error.ts";
import { custom, integer } from "./kinds.ts";

function perMinute(variable: string, knob: keyof RateLimitSettings, summary: string) {
  return integer(variable, { group: "Rate limits", fallback: DEFAULT_RATE_LIMITS[knob], min: 1, max: MAX_PER_MIN, summary });
}

/** The rate-limit part of the settings table (docs/rate-limits-and-idempotency.md): one per-minute knob per bucket, and the proxy rule. */
export const RATE_LIMIT_SETTINGS = {
  rateLimitIpPerMin: perMinute("GG_RATE_LIMIT_IP_PER_MIN", "ipPerMin", "JWT routes and /v1/auth/*, per client IP"),
  rateLimitAuthIpPerMin: perMinute("GG_RATE_LIMIT_AUTH_IP_PER_MIN", "authIpPerMin", "login, TOTP, register, forgot-password: per client IP, on top"),
  rateLimitAuthAccountPerMin: perMinute("GG_RATE_LIMIT_AUTH_ACCOUNT_PER_MIN", "authAccountPerMin", "the same routes, per account email"),
  rateLimitApiKeyIpPerMin: perMinute("GG_RATE_LIMIT_APIKEY_IP_PER_MIN", "apiKeyIpPerMin", "API-key routes, per client IP (a product may set its own)"),
  rateLimitKeyPerMin: perMinute("GG_RATE_LIMIT_KEY_PER_MIN", "keyPerMin", "API-key routes, per API key (a product may set its own)"),
  rateLimitProductPerMin: perMinute("GG_RATE_LIMIT_PRODUCT_PER_MIN", "productPerMin", "API-key routes, per product (a product may set its own)"),
  rateLimitLicensePerMin: perMinute("GG_RATE_LIMIT_LICENSE_PER_MIN", "licensePerMin", "authorize, per license key (a product may set its own)"),
  trustedProxyHops: custom("GG_TRUST_PROXY", {
    group: "Rate limits",
    shownDefault: "false",
    allowed: "false, true, 0–10",
    summary: "reverse proxies of yours in front: only then is X-Forwarded-For read for the client IP (true = 1)",
    parse(raw) {
      const value = raw?.trim().toLowerCase();
      if (value === undefined || value === "false") return 0;
      if (value === "true") return 1;
      if (!/^\d+$/.test(value) || Number(value) > 10) {
        throw new ConfigError(`GG_TRUST_PROXY must be true, false or the number of proxies in front (0–10), got '${value}'`);
      }
      return Number(value);
    },
  }),
};

/** Which setting holds each knob of core's RateLimitSettings. */
export const RATE_LIMIT_KNOBS = {
  ipPerMin: "rateLimitIpPerMin",
  authIpPerMin: "rateLimitAuthIpPerMin",
  authAccountPerMin: "rateLimitAuthAccountPerMin",
  apiKeyIpPerMin: "rateLimitApiKeyIpPerMin",
  keyPerMin: "rateLimitKeyPerMin",
  productPerMin: "rateLimitProductPerMin",
  licensePerMin: "rateLimitLicensePerMin",
} as const satisfies Record<keyof RateLimitSettings, keyof typeof RATE_LIMIT_SETTINGS>;
