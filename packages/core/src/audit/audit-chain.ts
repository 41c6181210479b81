import { sha256HexDigest } from "../crypto/digest.ts";
import { canonicalJson } from "./canonical-json.ts";
import type { AuditEntry } from "./audit-entry.ts";

/** The `prevHash` of an org's first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** hex(sha256(prevHash + "\n" + canonicalJson(entry without hash))). */
export function entryHash(entry: Omit<AuditEntry, "hash">): string {
  return sha256HexDigest(`${entry.prevHash}\n${canonicalJson(entry)}`);
}

export type ChainHead = { seq: number; hash: string };

/** Links unhashed entries after `head` (null: an empty log): consecutive seq, each prevHash the one before's hash. */
export function chainEntries(head: ChainHead | null, drafts: Omit<AuditEntry, "seq" | "prevHash" | "hash">[]): AuditEntry[] {
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  return drafts.map((draft) => {
    const unhashed = { ...draft, seq: ++seq, prevHash };
    const entry = { ...unhashed, hash: entryHash(unhashed) };
    prevHash = entry.hash;
    return entry;
  });
}

export interface ChainVerdict {
  valid: boolean;
  entries: number;
  lastSeq: number | null;
  lastHash: string | null;
  /** The first entry whose seq, link or hash is wrong; null when the chain holds. */
  firstBadSeq: number | null;
}

/**
 * Checks entries fed oldest first, one at a time (constant memory over any length):
 * seq runs 1, 2, 3…, each prevHash is the previous entry's hash (64 zeros first), and
 * each hash recomputes. After the first bad entry the rest are counted, not judged.
 */
export function chainVerifier() {
  const verdict: ChainVerdict = { valid: true, entries: 0, lastSeq: null, lastHash: null, firstBadSeq: null };
  let expectedSeq = 1;
  let expectedPrev = GENESIS_HASH;
  return {
    add(entry: AuditEntry): void {
      verdict.entries++;
      if (verdict.valid) {
        const { hash, ...unhashed } = entry;
        if (entry.seq !== expectedSeq || entry.prevHash !== expectedPrev || entryHash(unhashed) !== hash) {
          verdict.valid = false;
          verdict.firstBadSeq = expectedSeq;
        }
      }
      expectedSeq++;
      expectedPrev = entry.hash;
      verdict.lastSeq = entry.seq;
      verdict.lastHash = entry.hash;
    },
    result: (): ChainVerdict => ({ ...verdict }),
  };
}
