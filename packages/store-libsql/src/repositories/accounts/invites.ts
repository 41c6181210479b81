import { and, count, desc, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { InviteRecord, InviteStatus, InviteStore, ReceivedInviteRecord } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { orgInvites, orgs } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";

const PENDING_CONFLICT = "This email already has a pending invite to the organization; resend it instead";

/** The rows whose presented status (invite-status.ts: pending past expiry is expired) is `status`. */
function presentedStatus(status: InviteStatus, now: number): SQL {
  if (status === "pending") return and(eq(orgInvites.status, "pending"), gt(orgInvites.expiresAt, now))!;
  if (status === "expired") {
    return sql`(${orgInvites.status} = 'expired' OR (${orgInvites.status} = 'pending' AND ${orgInvites.expiresAt} <= ${now}))`;
  }
  return eq(orgInvites.status, status);
}

export function libsqlInvites(db: Executor): InviteStore {
  return {
    async insert(invite) {
      await conflictOnDuplicate(PENDING_CONFLICT, () => db.insert(orgInvites).values(invite));
    },
    async supersedeExpired(orgId, email, now) {
      await db
        .update(orgInvites)
        .set({ status: "expired", updatedAt: now })
        .where(and(eq(orgInvites.orgId, orgId), eq(orgInvites.email, email), eq(orgInvites.status, "pending"), lte(orgInvites.expiresAt, now)));
    },
    async findInOrg(orgId, inviteId) {
      const row = await db.select().from(orgInvites).where(and(eq(orgInvites.id, inviteId), eq(orgInvites.orgId, orgId))).get();
      return (row as InviteRecord | undefined) ?? null;
    },
    async findByTokenHash(tokenHash) {
      const row = await db.select().from(orgInvites).where(eq(orgInvites.tokenHash, tokenHash)).get();
      return (row as InviteRecord | undefined) ?? null;
    },
    async list(orgId, filter, page, now) {
      const where = and(eq(orgInvites.orgId, orgId), filter.status === undefined ? undefined : presentedStatus(filter.status, now));
      const items = await db.select().from(orgInvites).where(where).orderBy(desc(orgInvites.createdAt), desc(orgInvites.id)).limit(page.limit).offset(page.offset);
      const total = (await db.select({ n: count() }).from(orgInvites).where(where).get())?.n ?? 0;
      return { items: items as InviteRecord[], total };
    },
    async listPendingForEmail(email, now) {
      const rows = await db
        .select({ invite: orgInvites, orgName: orgs.name })
        .from(orgInvites)
        .innerJoin(orgs, eq(orgs.id, orgInvites.orgId))
        .where(and(eq(orgInvites.email, email), presentedStatus("pending", now)))
        .orderBy(desc(orgInvites.createdAt));
      return rows.map((row): ReceivedInviteRecord => ({ ...(row.invite as InviteRecord), orgName: row.orgName }));
    },
    async reissue(orgId, inviteId, change, now) {
      const result = await conflictOnDuplicate(PENDING_CONFLICT, () =>
        db
          .update(orgInvites)
          .set({ ...change, status: "pending", updatedAt: now })
          .where(and(eq(orgInvites.id, inviteId), eq(orgInvites.orgId, orgId), inArray(orgInvites.status, ["pending", "expired"]))),
      );
      return result.rowsAffected === 1;
    },
    async respond(inviteId, tokenHash, status, now) {
      const result = await db
        .update(orgInvites)
        .set({ status, updatedAt: now })
        .where(and(eq(orgInvites.id, inviteId), eq(orgInvites.tokenHash, tokenHash), eq(orgInvites.status, "pending"), gt(orgInvites.expiresAt, now)));
      return result.rowsAffected === 1;
    },
    async revoke(orgId, inviteId, now) {
      const result = await db
        .update(orgInvites)
        .set({ status: "revoked", updatedAt: now })
        .where(and(eq(orgInvites.id, inviteId), eq(orgInvites.orgId, orgId), eq(orgInvites.status, "pending")));
      return result.rowsAffected === 1;
    },
  };
}
