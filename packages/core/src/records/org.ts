import type { OrgRole } from "../orgs/roles.ts";

export interface OrgRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export interface OrgMembership {
  org: OrgRecord;
  role: OrgRole;
}

export interface OrgMemberRecord {
  orgId: string;
  userId: string;
  email: string;
  name: string | null;
  role: OrgRole;
  createdAt: number;
}
