import { and, asc, count, desc, eq, gte, inArray, lte, or, type SQL } from "drizzle-orm";
import type { BlacklistRecord, BlacklistStore } from "@geckoguard/core";
import { entryIdentity, offsetOf } from "@geckoguard/core";
import type { Executor } from "../../connection/executor.ts";
import { blacklistEntries } from "../../schema/index.ts";
import { conflictOnDuplicate } from "../../connection/driver-errors.ts";
import { chunks } from "../chunks.ts";

const DUPLICATE_MESSAGE = "This entry is already on the product's blacklist";
/** Rows per INSERT statement: 8 parameters each stays far below SQLite's variable limit. */
const INSERT_CHUNK = 200;

/** Which of `entries` the product already lists (one query per type, in the caller's transaction). */
async function existingIndexes(db: Executor, productId: string, entries: BlacklistRecord[]): Promise<number[]> {
  const byType = (type: BlacklistRecord["type"]) => entries.filter((e) => e.type === type).map((e) => e.value);
  const clauses: SQL[] = [];
  for (const type of ["HWID", "IP"] as const) {
    const values = byType(type);
    if (values.length > 0) clauses.push(and(eq(blacklistEntries.type, type), inArray(blacklistEntries.value, values))!);
  }
  const rows = await db
    .select({ type: blacklistEntries.type, value: blacklistEntries.value })
    .from(blacklistEntries)
    .where(and(eq(blacklistEntries.productId, productId), or(...clauses)));
  const listed = new Set(rows.map(entryIdentity));
  return entries.flatMap((entry, i) => (listed.has(entryIdentity(entry)) ? [i] : []));
}

type Batchable = { batch(queries: readonly unknown[]): Promise<unknown> };

function canBatch(db: Executor): db is Executor & Batchable {
  return typeof (db as Partial<Batchable>).batch === "function";
}

/**
 * All rows or none. On the database itself: one libSQL batch, a transaction that runs
 * from BEGIN to COMMIT without yielding to the event loop, so no other write of this
 * process can wait on it while it holds the lock. Inside a caller's transaction
 * (which has no batch): plain inserts, and that transaction decides.
 */
async function insertAll(db: Executor, entries: BlacklistRecord[]): Promise<void> {
  const statements = [];
  for (const chunk of chunks(entries, INSERT_CHUNK)) {
    statements.push(db.insert(blacklistEntries).values(chunk));
  }
  if (canBatch(db)) {
    await db.batch(statements);
    return;
  }
  for (const statement of statements) await statement;
}

export function libsqlBlacklists(db: Executor): BlacklistStore {
  return {
    async insert(entry) {
      await conflictOnDuplicate(DUPLICATE_MESSAGE, () => db.insert(blacklistEntries).values(entry));
    },
    async insertMany(entries) {
      if (entries.length === 0) return { alreadyListed: [] };
      const productId = entries[0]!.productId;
      if (entries.some((e) => e.productId !== productId)) throw new Error("insertMany takes the entries of one product");
      const alreadyListed = await existingIndexes(db, productId, entries);
      if (alreadyListed.length > 0) return { alreadyListed };
      // A racing insert of the same value makes the unique index fail the whole batch.
      await conflictOnDuplicate(DUPLICATE_MESSAGE, () => insertAll(db, entries));
      return { alreadyListed: [] };
    },
    async listByProduct(productId, filter, page) {
      const where = and(
        eq(blacklistEntries.productId, productId),
        filter.type !== undefined ? eq(blacklistEntries.type, filter.type) : undefined,
      );
      const rows = await db
        .select()
        .from(blacklistEntries)
        .where(where)
        .orderBy(desc(blacklistEntries.id))
        .limit(page.pageSize)
        .offset(offsetOf(page));
      const totals = await db.select({ total: count() }).from(blacklistEntries).where(where);
      return { items: rows, total: totals[0]?.total ?? 0 };
    },
    async find(productId, entryId) {
      const row = await db.select().from(blacklistEntries).where(and(eq(blacklistEntries.id, entryId), eq(blacklistEntries.productId, productId))).get();
      return row ?? null;
    },
    async delete(productId, entryId) {
      const result = await db
        .delete(blacklistEntries)
        .where(and(eq(blacklistEntries.id, entryId), eq(blacklistEntries.productId, productId)));
      return result.rowsAffected > 0;
    },
    async findMatch(productId, probe) {
      if (probe.hwid !== undefined) {
        // Exact lookup on the (product, type, value) unique index.
        const hit = await db
          .select()
          .from(blacklistEntries)
          .where(and(eq(blacklistEntries.productId, productId), eq(blacklistEntries.type, "HWID"), eq(blacklistEntries.value, probe.hwid)))
          .get();
        if (hit !== undefined) return hit;
      }
      if (probe.ipHex === undefined) return null;
      // Fixed-width hex compares like the numbers it encodes; the (product, type, range_start) index bounds the walk.
      const hit = await db
        .select()
        .from(blacklistEntries)
        .where(
          and(
            eq(blacklistEntries.productId, productId),
            eq(blacklistEntries.type, "IP"),
            lte(blacklistEntries.rangeStart, probe.ipHex),
            gte(blacklistEntries.rangeEnd, probe.ipHex),
          ),
        )
        .orderBy(asc(blacklistEntries.rangeStart))
        .limit(1)
        .get();
      return hit ?? null;
    },
  };
}
