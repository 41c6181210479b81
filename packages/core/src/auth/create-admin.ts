import type { ActingContext } from "../audit/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { UserRecord } from "../records/user.ts";
import type { OrgRecord } from "../records/org.ts";
import { GgError } from "../errors/gg-error.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { normalizeEmail } from "./schemas.ts";

export interface CreateAdminInput {
  email: string;
  password: string;
  name?: string;
  orgName: string;
}

/**
 * The operator's first account, made from the command line: email already verified (no
 * mail is sent), and an org it owns, in one transaction. An email that is taken is a
 * CONFLICT; nothing is written then. The org's audit log starts with its creation, by
 * the origin the command names.
 */
export async function createAdmin(ctx: ActingContext, input: CreateAdminInput): Promise<{ user: UserRecord; org: OrgRecord }> {
  const email = normalizeEmail(input.email);
  if ((await ctx.store.users.findByEmail(email)) !== null) throw new GgError("CONFLICT", `A user with email ${email} already exists`);
  const passwordHash = await ctx.passwords.hash(input.password);
  const now = ctx.clock.now();
  const org: OrgRecord = { id: uuidv7(now), name: input.orgName.trim(), createdAt: now, updatedAt: now };
  const user: UserRecord = {
    id: uuidv7(now),
    email,
    name: input.name?.trim() || null,
    passwordHash,
    emailVerifiedAt: now,
    totpSecret: null,
    totpPendingSecret: null,
    totpLastStep: null,
    activeOrgId: org.id,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.users.insert(user);
    await tx.orgs.insertWithOwner(org, user.id);
    const changes = { name: [null, org.name] as [null, string], ownerId: [null, user.id] as [null, string] };
    await recordAudit(tx, ctx.origin, { action: "org.created", resource: { type: "org", id: org.id }, orgId: org.id, productId: null, changes }, now);
  });
  return { user, org };
}
