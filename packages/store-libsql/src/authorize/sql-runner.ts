import type { Client, InArgs } from "@libsql/client";
import Database from "libsql";
import type { LocalWriteLock } from "../local-write-gate.ts";

export type SqlArgs = (string | number | null | Uint8Array)[];

/**
 * The few operations the authorize path needs, over either engine. Every call is one
 * statement (atomic on its own) except `batch`, which runs its statements in one
 * write transaction.
 */
export interface SqlRunner {
  get<T>(sql: string, args: SqlArgs): Promise<T | undefined>;
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
 * Embedded file: the `libsql` engine's synchronous prepared statements (~12 µs per point
 * query against ~30 µs through the async client), cached by SQL text.
 * `synchronous=NORMAL` in WAL mode: a commit survives a killed process (it is in the OS
 * before the call returns); only an OS crash or power cut can lose the last commits.
 */
export function nativeRunner(
  path: string,
  options: { busyTimeoutMs: number; synchronous: "normal" | "full"; writeLock: LocalWriteLock | null },
): SqlRunner {
  const db = new Database(path, { timeout: options.busyTimeoutMs });
  db.exec(`PRAGMA journal_mode=WAL; PRAGMA synchronous=${options.synchronous.toUpperCase()}; PRAGMA foreign_keys=ON`);
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
  // A synchronous write while this process's client holds a write transaction would
  // busy-wait on the JS thread and stall both: take a turn first, unless nobody holds one.
  const write = async <T>(run: () => T): Promise<T> => {
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
    async run(sql, args) {
      return write(() => prepared(sql).run(...args).changes);
    },
    async writeReturning<T>(sql: string, args: SqlArgs) {
      return write(() => prepared(sql).get(...args) as T | undefined);
    },
    async batch(list) {
      return list.length === 0 ? [] : write(() => inTransaction(list) as number[]);
    },
    dataVersion: () => (prepared("PRAGMA data_version").raw(true).get() as number[])[0]!,
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
