import { and, asc, eq, ne } from "drizzle-orm";
import type { OrgMemberStore, OrgMembership, OrgRecord, OrgStore } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { orgMembers, orgs, users } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";

const orgColumns = { id: orgs.id, name: orgs.name, createdAt: orgs.createdAt, updatedAt: orgs.updatedAt };

export function libsqlOrgs(db: Executor): OrgStore {
  return {
    async insertWithOwner(org, ownerId) {
      await db.transaction(async (tx) => {
        await tx.insert(orgs).values(org);
        await tx.insert(orgMembers).values({ orgId: org.id, userId: ownerId, role: "owner", createdAt: org.createdAt });
      });
    },
    async exists(orgId) {
      return (await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId)).get()) !== undefined;
    },
    async findMembership(orgId, userId) {
      const row = await db
        .select({ org: orgColumns, role: orgMembers.role })
        .from(orgMembers)
        .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)))
        .get();
      return (row as OrgMembership | undefined) ?? null;
    },
    async listForUser(userId) {
      return (await db
        .select({ org: orgColumns, role: orgMembers.role })
        .from(orgMembers)
        .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
        .where(eq(orgMembers.userId, userId))
        .orderBy(asc(orgMembers.createdAt), asc(orgs.id))) as OrgMembership[];
    },
    async update(orgId, patch, now) {
      await db
        .update(orgs)
        .set({ ...patch, updatedAt: now })
        .where(eq(orgs.id, orgId));
    },
    async delete(orgId) {
      // Foreign keys cascade to members, products and everything below them, in this one statement.
      await db.delete(orgs).where(eq(orgs.id, orgId));
    },
  };
}

export function libsqlOrgMembers(db: Executor): OrgMemberStore {
  const select = () =>
    db
      .select({
        orgId: orgMembers.orgId,
        userId: orgMembers.userId,
        email: users.email,
        name: users.name,
        role: orgMembers.role,
        createdAt: orgMembers.createdAt,
      })
      .from(orgMembers)
      .innerJoin(users, eq(users.id, orgMembers.userId));
  return {
    async list(orgId) {
      return select().where(eq(orgMembers.orgId, orgId)).orderBy(asc(orgMembers.createdAt));
    },
    async find(orgId, userId) {
      return (await select().where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId))).get()) ?? null;
    },
    async insert(orgId, userId, role, now) {
      await conflictOnDuplicate("This user is already a member of the organization", () =>
        db.insert(orgMembers).values({ orgId, userId, role, createdAt: now }),
      );
    },
    async changeRole(orgId, userId, from, to) {
      const result = await db
        .update(orgMembers)
        .set({ role: to })
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId), eq(orgMembers.role, from)));
      return result.rowsAffected === 1;
    },
    async removeNonOwner(orgId, userId) {
      const result = await db
        .delete(orgMembers)
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId), ne(orgMembers.role, "owner")));
      return result.rowsAffected === 1;
    },
  };
}
