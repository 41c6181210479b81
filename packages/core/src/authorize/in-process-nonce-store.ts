import type { NonceStore } from "../ports/authorize.ts";

/**
 * Nonces in this process's memory: the embedded default (one server process). Expired
 * entries are swept as time passes, so memory holds at most the last window's nonces.
 */
export function inProcessNonceStore(): NonceStore & { size(): number } {
  const seen = new Map<string, number>();
  let nextSweep = 0;
  const sweep = (now: number) => {
    if (now < nextSweep) return;
    nextSweep = now + 10_000;
    for (const [key, expiresAt] of seen) if (expiresAt <= now) seen.delete(key);
  };
  return {
    async consume(scope, nonce, expiresAt, now) {
      sweep(now);
      const key = `${scope}\n${nonce}`;
      const until = seen.get(key);
      if (until !== undefined && until > now) return false;
      seen.set(key, expiresAt);
      return true;
    },
    size: () => seen.size,
  };
}
