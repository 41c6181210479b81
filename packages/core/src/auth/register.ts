import type { GgContext } from "../context.ts";
import type { UserRecord } from "../records/user.ts";
import { newUserRecord } from "./new-user.ts";
import { normalizeEmail, type RegisterInput } from "./schemas.ts";
import { sendEmailVerification } from "./verify-email.ts";

/**
 * Creates the account and queues its verification mail in one transaction, so a crash
 * leaves either both or neither. The password is hashed before the transaction opens.
 */
export async function register(ctx: GgContext, input: RegisterInput): Promise<UserRecord> {
  const passwordHash = await ctx.passwords.hash(input.password);
  const now = ctx.clock.now();
  const user = newUserRecord({ email: normalizeEmail(input.email), name: input.name?.trim() || null, passwordHash }, now);
  await ctx.store.transaction(async (tx) => {
    await tx.users.insert(user);
    await sendEmailVerification({ ...ctx, store: tx }, user);
  });
  return user;
}
