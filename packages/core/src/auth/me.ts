import type { GgContext } from "../context.ts";
import type { OrgMembership } from "../records/org.ts";
import type { UserRecord } from "../records/user.ts";
import { GgError } from "../errors/gg-error.ts";
import { requireUser } from "./require-user.ts";
import type { UpdateMeInput } from "./schemas.ts";

/** The org picked with PATCH /me if the user still belongs to it, else the first org. */
export function activeOrgIdOf(user: UserRecord, orgs: OrgMembership[]): string | null {
  if (user.activeOrgId !== null && orgs.some((m) => m.org.id === user.activeOrgId)) return user.activeOrgId;
  return orgs[0]?.org.id ?? null;
}

export async function getMe(ctx: GgContext, userId: string) {
  const user = await requireUser(ctx, userId);
  const orgs = await ctx.store.orgs.listForUser(user.id);
  return { user, orgs, activeOrgId: activeOrgIdOf(user, orgs) };
}

export async function updateMe(ctx: GgContext, userId: string, input: UpdateMeInput) {
  const user = await requireUser(ctx, userId);
  if (input.activeOrgId !== undefined && (await ctx.store.orgs.findMembership(input.activeOrgId, user.id)) === null) {
    throw new GgError("FORBIDDEN", "You are not a member of that organization");
  }
  await ctx.store.users.update(
    user.id,
    {
      ...(input.activeOrgId !== undefined ? { activeOrgId: input.activeOrgId } : {}),
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    },
    ctx.clock.now(),
  );
  return getMe(ctx, userId);
}
