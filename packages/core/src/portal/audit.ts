import type { ChangeOrigin } from "../audit/actor.ts";
import type { AuditChanges } from "../audit/audit-entry.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Store } from "../ports/store.ts";
import type { EndUserRecord } from "../records/end-user.ts";
import type { LicenseView } from "../records/license.ts";

/** Where a request came from, before its actor is known (registration creates the actor). */
export type RequestPlace = Pick<ChangeOrigin, "ip" | "requestId">;

/** An end user acting for themself through the portal: the audit log's `end_user` actor. */
export function endUserOrigin(endUser: Pick<EndUserRecord, "id" | "username">, place: RequestPlace): ChangeOrigin {
  return { actor: { type: "end_user", id: endUser.id, label: endUser.username }, ...place };
}

/** An audit entry about an end user (their account). */
export function auditEndUser(tx: Store, origin: ChangeOrigin, action: string, endUser: EndUserRecord, changes: AuditChanges | null, now: number) {
  return recordAudit(tx, origin, { action, resource: { type: "end_user", id: endUser.id }, orgId: endUser.orgId, productId: null, changes }, now);
}

/** An audit entry about a license of the org (the webhook event's name as the action). */
export function auditLicense(tx: Store, origin: ChangeOrigin, action: string, license: LicenseView, orgId: string, changes: AuditChanges | null, now: number) {
  return recordAudit(tx, origin, { action, resource: { type: "license", id: license.id }, orgId, productId: license.productId, changes }, now);
}
