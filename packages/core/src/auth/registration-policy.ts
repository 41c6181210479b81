/**
 * Who may create an account through `POST /v1/auth/register` (docs/authentication.md#sign-up-policy):
 * - `first`: only while the deployment has no account yet (the operator's own), then closed;
 * - `open`: anyone (a public sign-up page);
 * - `closed`: nobody; accounts come from `geckoguard create-admin` or an invitation.
 */
export const REGISTRATION_POLICIES = ["first", "open", "closed"] as const;
export type RegistrationPolicy = (typeof REGISTRATION_POLICIES)[number];

/** The safe choice for a fresh install: the operator signs up, strangers cannot. */
export const DEFAULT_REGISTRATION_POLICY: RegistrationPolicy = "first";

/**
 * How an account is being created. `self-service` is a stranger signing up, which the
 * policy governs; `invited` is someone an org admin asked in (register.ts takes this path
 * when the sign-up carries a live invitation token for its email): the admin's decision
 * stands whatever the policy.
 */
export type SignUpPath = "self-service" | "invited";

/** What the account write must ensure: nothing, that it is the first account, or that it never happens. */
export type SignUpRule = "allow" | "only-if-first" | "refuse";

/** Pure: the rule a sign-up follows under the policy. */
export function signUpRule(policy: RegistrationPolicy, path: SignUpPath): SignUpRule {
  if (path === "invited" || policy === "open") return "allow";
  return policy === "first" ? "only-if-first" : "refuse";
}

/** The one message of a refused sign-up: it names the way in, and says nothing about the email. */
export const SIGN_UP_CLOSED_MESSAGE =
  "Sign-up is closed on this server: accounts are created by an administrator (geckoguard create-admin) or by invitation";
