import { toIso } from "../clock.ts";
import type { OrgMemberRecord, OrgMembership } from "../records/org.ts";

export function presentOrg({ org, role }: OrgMembership) {
  return { id: org.id, name: org.name, role, createdAt: toIso(org.createdAt), updatedAt: toIso(org.updatedAt) };
}

export function presentMember(member: OrgMemberRecord) {
  return {
    userId: member.userId,
    email: member.email,
    name: member.name,
    role: member.role,
    createdAt: toIso(member.createdAt),
  };
}
