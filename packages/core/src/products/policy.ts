import { Type, type Static } from "@sinclair/typebox";
import { ProductRateLimitsSchema } from "../ratelimit/settings.ts";

/** Product policy: defaults for its licenses, overridable per license (docs/licenses.md#product-policy). */
export const ProductPolicySchema = Type.Object(
  {
    hwidBinding: Type.Union([Type.Literal("off"), Type.Literal("on")]),
    maxHwids: Type.Integer({ minimum: 1, maximum: 1000 }),
    ipBinding: Type.Union([Type.Literal("off"), Type.Literal("on")]),
    maxIps: Type.Integer({ minimum: 1, maximum: 1000 }),
    maxSessions: Type.Integer({ minimum: 1, maximum: 10000 }),
    sessionTtlSeconds: Type.Integer({ minimum: 30, maximum: 30 * 86400 }),
    durationDays: Type.Union([Type.Integer({ minimum: 1, maximum: 36500 }), Type.Null()]),
    /** The product's own API-key and authorize limits (docs/rate-limits-and-idempotency.md#rate-limits); absent = the deployment's. */
    rateLimits: Type.Optional(ProductRateLimitsSchema),
    /** Authorize with an `appVersion` the product's versions do not list answers VERSION_UNKNOWN (docs/versions.md); absent = false. */
    rejectUnknownVersions: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProductPolicy = Static<typeof ProductPolicySchema>;

/** Any subset of the policy, as accepted on create and update. */
export const ProductPolicyPatchSchema = Type.Partial(ProductPolicySchema, { additionalProperties: false });
export type ProductPolicyPatch = Static<typeof ProductPolicyPatchSchema>;

/**
 * Defaults chosen for a typical desktop app: one machine per license, IP binding off
 * (home IPs change), a few concurrent sessions so an app restart before the old
 * session expires is not locked out, and no fixed duration.
 */
export const DEFAULT_POLICY: ProductPolicy = {
  hwidBinding: "on",
  maxHwids: 1,
  ipBinding: "off",
  maxIps: 3,
  maxSessions: 3,
  sessionTtlSeconds: 600,
  durationDays: null,
};

export function mergePolicy(base: ProductPolicy, patch: ProductPolicyPatch | undefined): ProductPolicy {
  return { ...base, ...(patch ?? {}) };
}
