import type { AuditEntry } from "../audit/audit-entry.ts";
import type { ChainHead } from "../audit/audit-chain.ts";
import type { PageRequest } from "../pagination/pagination.ts";

/** What the list and the export may narrow to (every field optional; times in ms, inclusive). */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: number;
  to?: number;
}

/**
 * An org's append-only audit log. Entries are never updated or deleted through it (an
 * org's deletion removes its log with it).
 */
export interface AuditLogStore {
  /**
   * The org's newest entry, or null. Read it in the transaction that appends: a
   * transaction holds the write lock from its start, so no writer (of any process) can
   * append between this read and the append.
   */
  head(orgId: string): Promise<ChainHead | null>;
  /** Inserts chained entries; a (org, seq) the log already holds fails the write (never a fork). */
  append(entries: AuditEntry[]): Promise<void>;
  /** Newest first, with the count of all matching entries. */
  list(orgId: string, filter: AuditFilter, page: PageRequest): Promise<{ items: AuditEntry[]; total: number }>;
  /** Oldest first: up to `limit` matching entries with seq above `afterSeq` (export and verify walk it page by page). */
  listAfter(orgId: string, filter: AuditFilter, afterSeq: number, limit: number): Promise<AuditEntry[]>;
}
