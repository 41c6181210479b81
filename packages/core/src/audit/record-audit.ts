import type { Store } from "../ports/store.ts";
import { uuidv7 } from "../crypto/uuid.ts";
import { chainEntries } from "./audit-chain.ts";
import type { AuditActor, ChangeOrigin } from "./actor.ts";
import type { AuditChange, AuditEntry } from "./audit-entry.ts";

/**
 * How a use case writes the audit log: call it with the transaction store `tx` of the
 * change, inside `ctx.store.transaction(async (tx) => …)`, so the entry commits or rolls
 * back with the change (a crash cannot keep one without the other).
 *
 *     await ctx.store.transaction(async (tx) => {
 *       await tx.licenses.revoke(license.id, now);
 *       await recordAudit(tx, ctx.origin, { action: "license.revoked", resource: { type: "license", id: license.id },
 *         orgId, productId: license.productId, changes: { revokedAt: [null, iso(now)] } }, now);
 *     });
 *
 * Gapless seq per org: every transaction begins with the database's write lock
 * (BEGIN IMMEDIATE), so the head read here cannot be overtaken by another process
 * before the append commits; a unique (org, seq) index refuses a fork if it ever were.
 * `changes` must never hold a secret, password hash, token or key.
 */
export async function recordAudit(tx: Store, origin: ChangeOrigin, change: AuditChange, now: number): Promise<void> {
  await recordAudits(tx, origin, [change], now);
}

/** Several entries (a bulk operation: one per resource), chained in order, in one write per org. */
export async function recordAudits(tx: Store, origin: ChangeOrigin, changes: AuditChange[], now: number): Promise<void> {
  if (changes.length === 0) return;
  const actor = await actorOf(tx, origin);
  const at = new Date(now).toISOString();
  const byOrg = new Map<string, AuditChange[]>();
  for (const change of changes) {
    const group = byOrg.get(change.orgId);
    if (group === undefined) byOrg.set(change.orgId, [change]);
    else group.push(change);
  }
  for (const [orgId, orgChanges] of byOrg) {
    const drafts = orgChanges.map((change) => ({
      id: uuidv7(now),
      at,
      actor,
      action: change.action,
      resource: { type: change.resource.type, id: change.resource.id },
      orgId,
      productId: change.productId,
      ip: origin.ip,
      requestId: origin.requestId,
      // Stored and hashed as the JSON it reads back as (Dates become strings, undefined goes).
      changes: change.changes === null ? null : (JSON.parse(JSON.stringify(change.changes)) as AuditEntry["changes"]),
    }));
    await tx.auditLog.append(chainEntries(await tx.auditLog.head(orgId), drafts));
  }
}

/** The actor with its label; a user's email is read once per origin (in the change's transaction). */
async function actorOf(tx: Store, origin: ChangeOrigin): Promise<AuditActor> {
  const { actor } = origin;
  if (actor.label === null) {
    const user = actor.type === "user" ? await tx.users.findById(actor.id) : null;
    actor.label = user?.email ?? actor.id;
  }
  return { type: actor.type, id: actor.id, label: actor.label };
}
