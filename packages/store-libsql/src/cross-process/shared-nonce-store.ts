import type { NonceStore } from "@geckoguard/core";
import type { SqlRunner } from "../authorize/sql-runner.ts";

/** One UPSERT: a new nonce inserts; a remembered one only "wins" once it has expired. */
const CONSUME = `INSERT INTO request_nonces (scope, nonce, expires_at) VALUES (?, ?, ?)
  ON CONFLICT (scope, nonce) DO UPDATE SET expires_at = excluded.expires_at WHERE request_nonces.expires_at <= ?`;
const PURGE = `DELETE FROM request_nonces WHERE expires_at <= ?`;

/**
 * Nonces on the database, for several server processes behind one load balancer: the
 * primary key makes exactly one of concurrent consumers win, across processes.
 */
export function sharedNonceStore(runner: SqlRunner): NonceStore & { purge(now: number): Promise<number> } {
  return {
    async consume(scope, nonce, expiresAt, now) {
      return (await runner.run(CONSUME, [scope, nonce, expiresAt, now])) === 1;
    },
    purge: (now) => runner.run(PURGE, [now]),
  };
}
