import type { Client, Transaction, TransactionMode } from "@libsql/client";

/**
 * Keeps this process's statements off a local database while one of its write
 * transactions is open.
 *
 * Why: the embedded client runs every statement synchronously on a pooled connection.
 * Suppose a transaction holds the write lock and is waiting on an `await`, and another
 * write starts on a second connection. That write busy-waits *on the JS thread*, so the
 * transaction cannot reach COMMIT. The whole process stalls for the busy timeout, then
 * the write fails with SQLITE_BUSY. On an embedded replica, which has one connection,
 * the write fails at once instead.
 *
 * How: plain statements run together freely. A write transaction opens only when no
 * plain statement is in flight. Until it ends, new statements and transactions wait on
 * the event loop. Read-only transactions are not gated. A wait longer than `waitLimitMs`
 * fails, like a busy timeout, instead of hanging: that happens when code inside a
 * transaction uses the root client instead of the transaction.
 */
export function gateWrites(client: Client, waitLimitMs: number): Client {
  return gateWritesWith(client, new WriteGate(waitLimitMs));
}

/** The same, with a gate shared by other connections of this process (the authorize path's). */
export function gateWritesWith(client: Client, gate: WriteGate): Client {
  return {
    execute: ((...args: Parameters<Client["execute"]>) => gate.statement(() => client.execute(...args))) as Client["execute"],
    batch: (stmts, mode) => gate.statement(() => client.batch(stmts, mode)),
    migrate: (stmts) => gate.statement(() => client.migrate(stmts)),
    executeMultiple: (sql) => gate.statement(() => client.executeMultiple(sql)),
    transaction: async (mode?: TransactionMode) => {
      if (mode === "read") return client.transaction(mode);
      const release = await gate.openTransaction();
      try {
        return releasingOnEnd(await client.transaction(mode ?? "write"), release);
      } catch (error) {
        release();
        throw error;
      }
    },
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

/** The transaction, opening the gate again once it commits, rolls back or closes. */
function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  return {
    execute: (stmt) => tx.execute(stmt),
    batch: (stmts) => tx.batch(stmts),
    executeMultiple: (sql) => tx.executeMultiple(sql),
    commit: () => tx.commit().finally(release),
    rollback: () => tx.rollback().finally(release),
    close: () => {
      try {
        tx.close();
      } finally {
        release();
      }
    },
    get closed() {
      return tx.closed;
    },
  };
}

/** A readers-writer gate: statements share it, a write transaction holds it alone (and goes first). */
export class WriteGate {
  #inFlight = 0;
  #transactionOpen = false;
  #transactionsWaiting = 0;
  #changed = Promise.withResolvers<void>();

  constructor(private readonly waitLimitMs: number) {}

  /** True while a write transaction is open or queued: a write now would wait on the lock. */
  get busy(): boolean {
    return this.#transactionOpen || this.#transactionsWaiting > 0;
  }

  async statement<T>(run: () => Promise<T>): Promise<T> {
    await this.#acquire(
      () => !this.#transactionOpen && this.#transactionsWaiting === 0,
      () => this.#inFlight++,
    );
    try {
      return await run();
    } finally {
      this.#inFlight--;
      this.#notify();
    }
  }

  /** Waits for the gate; the answer releases it (idempotent). */
  async openTransaction(): Promise<() => void> {
    this.#transactionsWaiting++;
    try {
      await this.#acquire(
        () => !this.#transactionOpen && this.#inFlight === 0,
        () => (this.#transactionOpen = true),
      );
    } finally {
      this.#transactionsWaiting--;
      this.#notify();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#transactionOpen = false;
      this.#notify();
    };
  }

  #notify(): void {
    const changed = this.#changed;
    this.#changed = Promise.withResolvers<void>();
    changed.resolve();
  }

  /** Claims the gate in the same synchronous step that finds it free, so two waiters never both get it. */
  async #acquire(free: () => boolean, claim: () => void): Promise<void> {
    const deadline = Date.now() + this.waitLimitMs;
    while (!free()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("Database busy: a write transaction of this process stayed open past the busy timeout");
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([this.#changed.promise, new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
      clearTimeout(timer);
    }
    claim();
  }
}
