import type { GgContext } from "../context.ts";
import type { EndUserFilter, EndUserScope } from "../ports/endusers.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { offsetOf, pageRequest, paginationOf, type Pagination } from "../pagination/pagination.ts";
import { recordEndUserCreated } from "../webhooks/record-event.ts";
import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { endUserAuditChange } from "./end-user-audit.ts";

/** A new end user of the org; the username is unique per org, case-insensitively. */
export function newEndUser(ctx: GgContext, orgId: string, input: { username: string; email?: string }): EndUserRecord {
  const now = ctx.clock.now();
  return {
    id: uuidv7(now),
    orgId,
    username: input.username.trim(),
    email: input.email?.trim() || null,
    createdAt: now,
    updatedAt: now,
  };
}

export async function createEndUser(ctx: ActingContext, orgId: string, input: { username: string; email?: string }): Promise<EndUserRecord> {
  const endUser = newEndUser(ctx, orgId, input);
  await ctx.store.transaction(async (tx) => {
    await tx.endUsers.insert(endUser);
    await recordEndUserCreated(tx, endUser, endUser.createdAt);
    await recordAudit(tx, ctx.origin, endUserAuditChange("end_user.created", endUser, null), endUser.createdAt);
  });
  return endUser;
}

export async function getEndUser(ctx: GgContext, scope: EndUserScope, id: string): Promise<EndUserRecord> {
  const endUser = await ctx.store.endUsers.find(scope, id);
  if (endUser === null) throw new GgError("NOT_FOUND", "End user not found");
  return endUser;
}

export async function listEndUsers(
  ctx: GgContext,
  scope: EndUserScope,
  query: EndUserFilter & { page?: number; pageSize?: number },
): Promise<{ items: EndUserRecord[]; pagination: Pagination }> {
  const request = pageRequest(query);
  const filter: EndUserFilter = {};
  if (query.username !== undefined) filter.username = query.username;
  if (query.email !== undefined) filter.email = query.email;
  if (query.search !== undefined) filter.search = query.search;
  const { items, total } = await ctx.store.endUsers.list(scope, filter, { offset: offsetOf(request), limit: request.pageSize });
  return { items, pagination: paginationOf(request, total) };
}
