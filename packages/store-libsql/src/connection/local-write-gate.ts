import type { Client, InStatement, Transaction, TransactionMode } from "@libsql/client";

/** What a caller gets when its turn does not come in time: SQLite's busy error, off the thread. */
function busyError(waitedMs: number): Error {
  return Object.assign(new Error(`SQLITE_BUSY: database is locked (waited ${waitedMs} ms for a transaction of this process)`), {
    code: "SQLITE_BUSY",
  });
}

/**
 * A FIFO async lock: `acquire(timeoutMs)` resolves with a release function once it is
 * the caller's turn, or rejects with SQLITE_BUSY when the turn takes longer than that.
 * `idle` is true when nobody holds or waits for it: a synchronous write may then go
 * ahead at once (the authorize path's own connection does).
 */
export interface LocalWriteLock {
  acquire(timeoutMs: number): Promise<() => void>;
  readonly idle: boolean;
}

export function localWriteLock(): LocalWriteLock {
  let tail: Promise<void> = Promise.resolve();
  let outstanding = 0;
  return {
    get idle() {
      return outstanding === 0;
    },
    acquire(timeoutMs) {
      outstanding++;
      let release!: () => void;
      const done = new Promise<void>((resolve) => {
        let released = false;
        release = () => {
          if (!released) {
            released = true;
            outstanding--;
            resolve();
          }
        };
      });
      const previous = tail;
      tail = tail.then(() => done);
      return new Promise((resolve, reject) => {
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          reject(busyError(timeoutMs));
        }, timeoutMs);
        void previous.then(() => {
          clearTimeout(timer);
          // A caller that gave up still held its place in the queue: pass the turn on.
          if (timedOut) release();
          else resolve(release);
        });
      });
    },
  };
}

/** Statements that only read: in WAL mode they never wait for the write lock. */
function isRead(stmt: InStatement | string): boolean {
  return /^\s*select\b/i.test(typeof stmt === "string" ? stmt : stmt.sql);
}

/**
 * Makes the writers in this process take turns on an embedded libSQL file.
 *
 * A local file runs every statement synchronously on the JS thread and waits up to the
 * busy timeout for SQLite's write lock. While one request holds an open transaction
 * (and so the lock) and awaits something, a second request's BEGIN or write on another
 * pooled connection would block the thread, so the holder could never finish, until the
 * timeout failed it with SQLITE_BUSY. Through the gate, transactions and writes wait for
 * an open transaction without blocking the thread, and give up with SQLITE_BUSY after
 * `busyTimeoutMs` as SQLite would. Reads (SELECT) pass straight through, so a long
 * transaction (an import) does not stall them. Statements inside the transaction bypass
 * the gate. Other processes on the same file still meet SQLite's own lock and busy
 * timeout, which they can wait out because the holder runs elsewhere.
 *
 * With `singleConnection` (an embedded replica or `:memory:`, whose client has one
 * connection, held by an open transaction) reads take turns too.
 */
export function gateLocalWrites(
  client: Client,
  options: { busyTimeoutMs: number; singleConnection: boolean; lock: LocalWriteLock },
): Client {
  const { busyTimeoutMs, singleConnection } = options;
  const acquire = (timeoutMs: number) => options.lock.acquire(timeoutMs);
  async function inTurn<T>(run: () => Promise<T>): Promise<T> {
    const release = await acquire(busyTimeoutMs);
    try {
      return await run();
    } finally {
      release();
    }
  }

  async function transaction(mode?: TransactionMode): Promise<Transaction> {
    const release = await acquire(busyTimeoutMs);
    let tx: Transaction;
    try {
      tx = await client.transaction(mode);
    } catch (error) {
      release();
      throw error;
    }
    return {
      execute: (stmt: InStatement) => tx.execute(stmt),
      batch: (stmts: InStatement[]) => tx.batch(stmts),
      executeMultiple: (sql: string) => tx.executeMultiple(sql),
      async commit() {
        // A failed commit keeps the turn: the caller still has to roll back or close.
        await tx.commit();
        release();
      },
      async rollback() {
        try {
          await tx.rollback();
        } finally {
          release();
        }
      },
      close() {
        tx.close();
        release();
      },
      get closed() {
        return tx.closed;
      },
    };
  }

  return {
    execute: ((stmtOrSql: InStatement | string, args?: never) => {
      const run = () => (typeof stmtOrSql === "string" ? client.execute(stmtOrSql, args) : client.execute(stmtOrSql));
      return !singleConnection && isRead(stmtOrSql) ? run() : inTurn(run);
    }) as Client["execute"],
    batch: (stmts, mode) => inTurn(() => client.batch(stmts, mode)),
    migrate: (stmts) => inTurn(() => client.migrate(stmts)),
    executeMultiple: (sql) => inTurn(() => client.executeMultiple(sql)),
    transaction,
    sync: () => client.sync(),
    close: () => client.close(),
    reconnect: () => client.reconnect(),
    get closed() {
      return client.closed;
    },
    get protocol() {
      return client.protocol;
    },
  };
}
