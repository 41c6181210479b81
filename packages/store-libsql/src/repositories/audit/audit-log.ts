import { and, count, desc, eq, gt, gte, lte, asc, type SQL } from "drizzle-orm";
import type { AuditEntry, AuditFilter, AuditLogStore } from "@geckoguard/core";
import { offsetOf } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { auditLog } from "../../schema/index.ts";
import { chunks } from "../chunks.ts";

/** Rows per INSERT: 18 parameters each stays far below SQLite's variable limit. */
const INSERT_CHUNK = 200;

type AuditRow = typeof auditLog.$inferSelect;

function rowOf(entry: AuditEntry): AuditRow {
  return {
    id: entry.id,
    orgId: entry.orgId,
    seq: entry.seq,
    at: entry.at,
    atMs: Date.parse(entry.at),
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    resourceType: entry.resource.type,
    resourceId: entry.resource.id,
    productId: entry.productId,
    ip: entry.ip,
    requestId: entry.requestId,
    changes: entry.changes === null ? null : JSON.stringify(entry.changes),
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
}

/** The entry a row stores, field for field (the hash covers exactly this shape). */
export function entryOf(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actor: { type: row.actorType as AuditEntry["actor"]["type"], id: row.actorId, label: row.actorLabel },
    action: row.action,
    resource: { type: row.resourceType, id: row.resourceId },
    orgId: row.orgId,
    productId: row.productId,
    ip: row.ip,
    requestId: row.requestId,
    changes: row.changes === null ? null : (JSON.parse(row.changes) as AuditEntry["changes"]),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

function conditions(orgId: string, filter: AuditFilter): SQL[] {
  const where: SQL[] = [eq(auditLog.orgId, orgId)];
  if (filter.actorId !== undefined) where.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action !== undefined) where.push(eq(auditLog.action, filter.action));
  if (filter.resourceType !== undefined) where.push(eq(auditLog.resourceType, filter.resourceType));
  if (filter.resourceId !== undefined) where.push(eq(auditLog.resourceId, filter.resourceId));
  if (filter.from !== undefined) where.push(gte(auditLog.atMs, filter.from));
  if (filter.to !== undefined) where.push(lte(auditLog.atMs, filter.to));
  return where;
}

export function libsqlAuditLog(db: Executor): AuditLogStore {
  return {
    async head(orgId) {
      const [row] = await db
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .where(eq(auditLog.orgId, orgId))
        .orderBy(desc(auditLog.seq))
        .limit(1);
      return row ?? null;
    },
    async append(entries) {
      for (const chunk of chunks(entries, INSERT_CHUNK)) await db.insert(auditLog).values(chunk.map(rowOf));
    },
    async list(orgId, filter, page) {
      const where = and(...conditions(orgId, filter));
      const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(page.pageSize).offset(offsetOf(page));
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      return { items: rows.map(entryOf), total: total?.n ?? 0 };
    },
    async listAfter(orgId, filter, afterSeq, limit) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(...conditions(orgId, filter), gt(auditLog.seq, afterSeq)))
        .orderBy(asc(auditLog.seq))
        .limit(limit);
      return rows.map(entryOf);
    },
  };
}
