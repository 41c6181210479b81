import type { GgContext } from "../context.ts";
import type { UserRecord } from "../records/user.ts";
import { GgError } from "../errors/gg-error.ts";

/** The user behind a verified access token; a deleted user is no longer authorized. */
export async function requireUser(ctx: GgContext, userId: string): Promise<UserRecord> {
  const user = await ctx.store.users.findById(userId);
  if (user === null) throw new GgError("UNAUTHORIZED", "Invalid or expired access token");
  return user;
}
