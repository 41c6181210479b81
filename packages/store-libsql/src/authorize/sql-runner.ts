import type { Client, InArgs } from "@libsql/client";
import Database from "libsql";
import type { LocalWriteLock } from "../connection/local-write-gate.ts";

export type SqlArgs = (string | number | null | Uint8Array)[];

/**
 * The few operations the authorize path needs, over either engine. Every call is one
 * statement (atomic on its own) except `batch`, which runs its statements in one
 * write transaction.
 */
export interface SqlRunner {
  get<T>(sql: string, args: SqlArgs): Promise<T | undefined>;
  /** Every row of a read (a product's versions, a license's variables: a few hundred at most). */
  all<T>(sql: string, args: SqlArgs): Promise<T[]>;
  run(sql: string, args: SqlArgs): Promise<number>;
  /** One write statement with RETURNING: its first row (the write takes its turn like `run`). */
  writeReturning<T>(sql: string, args: SqlArgs): Promise<T | undefined>;
  /** Runs the statements in one write transaction; answers each statement's changed-row count. */
  batch(statements: { sql: string; args: SqlArgs }[]): Promise<number[]>;
  /**
   * `PRAGMA data_version` of this runner's own connection (changes when another
   * connection commits), or null when the runner has no single connection to ask.
   */
  dataVersion: (() => number) | null;
  close(): void;
}

/**
 * Group commit: between `begin()` and `end()`, every write joins one transaction (opened
 * at the first write, committed by `end()`), and `batch` becomes a savepoint inside it.
 * For a caller that runs a batch of requests synchronously and answers none of them
 * before `end()` has returned.
 */
export interface GroupCommit {
  begin(): void;
  /** Commits what the group wrote; throws (after rolling back) when the commit fails. */
  end(): void;
}

/**
 * Embedded file: the `libsql` engine's synchronous prepared statements (~12 µs per point
 * query against ~30 µs through the async client), cached by SQL text.
 * `synchronous=NORMAL` in WAL mode: a commit survives a killed process (it is in the OS
 * before the call returns); only an OS crash or power cut can lose the last commits.
 */
export function nativeRunner(
  path: string,
  options: {
    busyTimeoutMs: number;
    synchronous: "normal" | "full";
    writeLock: LocalWriteLock | null;
    /** Page cache of this connection (SQLite's default is 2 MiB: the hot path's rows do not fit). */
    cacheSizeKiB?: number;
  },
): SqlRunner & { group: GroupCommit } {
  const db = new Database(path, { timeout: options.busyTimeoutMs });
  db.exec(`PRAGMA journal_mode=WAL; PRAGMA synchronous=${options.synchronous.toUpperCase()}; PRAGMA foreign_keys=ON`);
  if (options.cacheSizeKiB !== undefined) db.exec(`PRAGMA cache_size=-${Math.floor(options.cacheSizeKiB)}`);
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const inTransaction = db.transaction((list: { sql: string; args: SqlArgs }[]) =>
    list.map(({ sql, args }) => prepared(sql).run(...args).changes),
  );
  let grouped: { open: boolean } | null = null;
  const joinGroup = (group: { open: boolean }) => {
    if (!group.open) {
      db.exec("BEGIN IMMEDIATE");
      group.open = true;
    }
  };
  /** A batch inside a group: all or nothing, as a savepoint of the group's transaction. */
  const inSavepoint = (list: { sql: string; args: SqlArgs }[]) => {
    db.exec("SAVEPOINT gg_batch");
    try {
      const changes = list.map(({ sql, args }) => prepared(sql).run(...args).changes);
      db.exec("RELEASE gg_batch");
      return changes;
    } catch (error) {
      db.exec("ROLLBACK TO gg_batch");
      db.exec("RELEASE gg_batch");
      throw error;
    }
  };
  // A synchronous write while this process's client holds a write transaction would
  // busy-wait on the JS thread and stall both: take a turn first, unless nobody holds one.
  const write = async <T>(run: () => T): Promise<T> => {
    if (grouped !== null) {
      joinGroup(grouped);
      return run();
    }
    const lock = options.writeLock;
    if (lock === null || lock.idle) return run();
    const release = await lock.acquire(options.busyTimeoutMs);
    try {
      return run();
    } finally {
      release();
    }
  };
  return {
    async get<T>(sql: string, args: SqlArgs) {
      return prepared(sql).get(...args) as T | undefined;
    },
    async all<T>(sql: string, args: SqlArgs) {
      return prepared(sql).all(...args) as T[];
    },
    async run(sql, args) {
      return write(() => prepared(sql).run(...args).changes);
    },
    async writeReturning<T>(sql: string, args: SqlArgs) {
      return write(() => prepared(sql).get(...args) as T | undefined);
    },
    async batch(list) {
      if (list.length === 0) return [];
      return write(() => (grouped !== null ? inSavepoint(list) : (inTransaction(list) as number[])));
    },
    dataVersion: () => (prepared("PRAGMA data_version").raw(true).get() as number[])[0]!,
    group: {
      begin() {
        grouped = { open: false };
      },
      end() {
        const group = grouped;
        grouped = null;
        if (group === null || !group.open) return;
        try {
          db.exec("COMMIT");
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      },
    },
    close: () => db.close(),
  };
}

/** Remote libSQL / Turso / embedded replica: the official async client. */
export function clientRunner(client: Client): SqlRunner {
  // The client itself sends writes through this process's write gate (open-database.ts).
  async function firstRow<T>(sql: string, args: SqlArgs) {
    const result = await client.execute({ sql, args: args as InArgs });
    const row = result.rows[0];
    if (row === undefined) return undefined;
    return Object.fromEntries(result.columns.map((name, i) => [name, row[i]])) as T;
  }
  return {
    get: firstRow,
    async all<T>(sql: string, args: SqlArgs) {
      const result = await client.execute({ sql, args: args as InArgs });
      return result.rows.map((row) => Object.fromEntries(result.columns.map((name, i) => [name, row[i]])) as T);
    },
    writeReturning: firstRow,
    async run(sql, args) {
      return (await client.execute({ sql, args: args as InArgs })).rowsAffected;
    },
    async batch(list) {
      if (list.length === 0) return [];
      const results = await client.batch(list.map(({ sql, args }) => ({ sql, args: args as InArgs })), "write");
      return results.map((r) => r.rowsAffected);
    },
    dataVersion: null,
    close: () => {},
  };
}
