import type { GgContext } from "../context.ts";
import { GgError } from "../errors/gg-error.ts";
import type { UserRecord } from "../records/user.ts";
import { newUserRecord } from "./new-user.ts";
import { SIGN_UP_CLOSED_MESSAGE, signUpRule, type SignUpPath, type SignUpRule } from "./registration-policy.ts";
import { normalizeEmail, type RegisterInput } from "./schemas.ts";
import { sendEmailVerification } from "./verify-email.ts";
import { openInviteByToken } from "../invites/respond-to-invite.ts";

/**
 * A sign-up (`POST /v1/auth/register`). A stranger's follows the deployment's registration
 * policy; one carrying a live invitation token for this very email takes the `invited`
 * path, which an org admin already decided (the token proves the mail reached them).
 */
export async function register(ctx: GgContext, input: RegisterInput): Promise<UserRecord> {
  return createAccount(ctx, input, signUpRule(ctx.registration, await signUpPath(ctx, input)));
}

async function signUpPath(ctx: GgContext, input: RegisterInput): Promise<SignUpPath> {
  if (input.inviteToken === undefined) return "self-service";
  const invite = await openInviteByToken(ctx, input.inviteToken);
  if (invite.email !== normalizeEmail(input.email)) throw new GgError("PERMISSION_DENIED", "This invitation was sent to another email address");
  return "invited";
}

/**
 * Creates the account and queues its verification mail in one transaction, so a crash
 * leaves either both or neither. A refusal is decided before any email is looked up
 * (the answer is the same for a taken and a free address) and writes nothing. With
 * `only-if-first` the insert itself is guarded (it only happens while there is no
 * account), so of two concurrent first sign-ups exactly one wins; the other is refused
 * as if it had come second.
 */
export async function createAccount(ctx: GgContext, input: RegisterInput, rule: SignUpRule): Promise<UserRecord> {
  const refuse = () => new GgError("PERMISSION_DENIED", SIGN_UP_CLOSED_MESSAGE);
  // Checked before hashing too, so a closed server spends no argon2 time on strangers.
  if (rule === "refuse" || (rule === "only-if-first" && (await ctx.store.users.anyExists()))) throw refuse();
  const passwordHash = await ctx.passwords.hash(input.password);
  const now = ctx.clock.now();
  const user = newUserRecord({ email: normalizeEmail(input.email), name: input.name?.trim() || null, passwordHash }, now);
  await ctx.store.transaction(async (tx) => {
    if (rule === "only-if-first") {
      if (!(await tx.users.insertIfFirst(user))) throw refuse();
    } else {
      await tx.users.insert(user);
    }
    await sendEmailVerification({ ...ctx, store: tx }, user);
  });
  return user;
}
