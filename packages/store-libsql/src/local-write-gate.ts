import type { Client, InStatement, Transaction, TransactionMode } from "@libsql/client";

/** A FIFO async lock: `acquire()` resolves with a release function once it is your turn. */
function fifoLock(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve();
  return () => {
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      let released = false;
      release = () => {
        if (!released) {
          released = true;
          resolve();
        }
      };
    });
    const turn = tail.then(() => release);
    tail = tail.then(() => done);
    return turn;
  };
}

/**
 * Makes the callers in this process take turns on an embedded libSQL file.
 *
 * A local file runs every statement synchronously on the JS thread and waits up to the
 * busy timeout for SQLite's write lock. While one request holds an open transaction
 * (and so the lock) and awaits something, a second request's BEGIN or write on another
 * pooled connection would block the thread, so the holder could never finish, until
 * the timeout failed it with SQLITE_BUSY. Through the gate, statements and transactions
 * wait for an open transaction without blocking the thread; statements inside the
 * transaction bypass it. Other processes on the same file still meet SQLite's own lock
 * and busy timeout, which they can wait out because the holder runs elsewhere.
 */
export function gateLocalWrites(client: Client): Client {
  const acquire = fifoLock();
  async function inTurn<T>(run: () => Promise<T>): Promise<T> {
    const release = await acquire();
    try {
      return await run();
    } finally {
      release();
    }
  }

  async function transaction(mode?: TransactionMode): Promise<Transaction> {
    const release = await acquire();
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
    execute: ((stmtOrSql: InStatement | string, args?: never) =>
      inTurn(() => (typeof stmtOrSql === "string" ? client.execute(stmtOrSql, args) : client.execute(stmtOrSql)))) as Client["execute"],
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
