import { MAX_PER_MIN, RATE_LIMIT_KNOBS, type RateLimitKnob } from "@geckoguard/core";
import { ConfigError } from "../config-error.ts";
import { custom, integer, type Setting } from "./kinds.ts";

/** The environment variable of each rate-limit knob (its default and summary are core's, RATE_LIMIT_KNOBS). */
export const RATE_LIMIT_VARIABLES = {
  ipPerMin: "GG_RATE_LIMIT_IP_PER_MIN",
  authIpPerMin: "GG_RATE_LIMIT_AUTH_IP_PER_MIN",
  authAccountPerMin: "GG_RATE_LIMIT_AUTH_ACCOUNT_PER_MIN",
  apiKeyIpPerMin: "GG_RATE_LIMIT_APIKEY_IP_PER_MIN",
  keyPerMin: "GG_RATE_LIMIT_KEY_PER_MIN",
  productPerMin: "GG_RATE_LIMIT_PRODUCT_PER_MIN",
  licensePerMin: "GG_RATE_LIMIT_LICENSE_PER_MIN",
} as const satisfies Record<RateLimitKnob, string>;

export const RATE_LIMIT_KNOB_NAMES = Object.keys(RATE_LIMIT_KNOBS) as RateLimitKnob[];

const perMinute = Object.fromEntries(
  RATE_LIMIT_KNOB_NAMES.map((knob) => {
    const { perMinute: fallback, summary } = RATE_LIMIT_KNOBS[knob];
    return [knob, integer(RATE_LIMIT_VARIABLES[knob], { group: "Rate limits", fallback, min: 1, max: MAX_PER_MIN, summary })];
  }),
) as Record<RateLimitKnob, Setting<number>>;

/**
 * The rate-limit part of the settings table (docs/rate-limits-and-idempotency.md): one
 * per-minute knob per bucket (named as core names it), and the proxy rule.
 */
export const RATE_LIMIT_SETTINGS = {
  ...perMinute,
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
