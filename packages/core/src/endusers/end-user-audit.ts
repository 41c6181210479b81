import type { AuditChange, AuditChanges } from "../audit/audit-entry.ts";
import { createdFields } from "../audit/changed-fields.ts";
import type { EndUserRecord } from "../records/end-user.ts";

/** The end-user fields the audit log names (an end user belongs to the org, not to a product). */
export const END_USER_AUDIT_FIELDS = ["username", "email"] as const;

/** An entry about an end user; `changes` null means "the fields it was created with". */
export function endUserAuditChange(action: string, endUser: EndUserRecord, changes: AuditChanges | null): AuditChange {
  return {
    action,
    resource: { type: "end_user", id: endUser.id },
    orgId: endUser.orgId,
    productId: null,
    changes: changes ?? createdFields(endUser, END_USER_AUDIT_FIELDS),
  };
}
