import type { Clock } from "./clock.ts";
import type { Store } from "./ports/store.ts";
import type { PasswordHasher } from "./auth/password-hasher.ts";
import type { AccessTokenService } from "./auth/access-tokens.ts";
import type { RateLimiter } from "./ratelimit/limiter.ts";
import type { Idempotency } from "./idempotency/idempotency.ts";
import type { WebhookSettings } from "./webhooks/settings.ts";
import type { RegistrationPolicy } from "./auth/registration-policy.ts";
import type { StripeEventVerifier } from "./billing/stripe-event.ts";

/**
 * What every use case receives: its ports and settings. Built once by the composition
 * root (the Elysia plugin or an embedding host); core never constructs a driver.
 */
export interface GgContext {
  store: Store;
  clock: Clock;
  passwords: PasswordHasher;
  accessTokens: AccessTokenService;
  /** Base URL put in mailed links (verification, password reset). */
  publicUrl: string;
  /** Who may sign up through the API (docs/authentication.md#sign-up-policy). */
  registration: RegistrationPolicy;
  /** The rate-limit buckets (docs/rate-limits-and-idempotency.md), over an in-process or a shared store. */
  rateLimiter: RateLimiter;
  /** Idempotency-Key records (docs/rate-limits-and-idempotency.md), over an in-process or a shared store. */
  idempotency: Idempotency;
  /** Endpoint secrets and URL rules for webhooks; absent, the webhook routes answer 500. */
  webhooks?: WebhookSettings;
  /** Checks Stripe's signature on billing webhooks (drivers: the official package); absent, that route answers 500. */
  stripe?: StripeEventVerifier;
}
