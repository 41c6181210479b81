import type { EndUserRecord } from "../records/end-user.ts";
import type { OrgRole } from "../orgs/roles.ts";

/** Exact lookups are case-insensitive; `search` is a partial match over username and email. */
export interface EndUserFilter {
  username?: string;
  email?: string;
  search?: string;
}

export type EndUserScope = { kind: "org"; orgId: string } | { kind: "product"; orgId: string; productId: string };

export interface EndUserStore {
  /** Throws GgError CONFLICT when the username is taken in the org (case-insensitive). */
  insert(endUser: EndUserRecord): Promise<void>;
  /** In the org (or owning a license of the product): the scope is the tenancy check. */
  find(scope: EndUserScope, id: string): Promise<EndUserRecord | null>;
  /** An end user and the user's role in its org. */
  findAccess(id: string, userId: string): Promise<{ endUser: EndUserRecord; role: OrgRole | null } | null>;
  list(scope: EndUserScope, filter: EndUserFilter, page: { offset: number; limit: number }): Promise<{ items: EndUserRecord[]; total: number }>;
}
