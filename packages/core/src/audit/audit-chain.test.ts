import { describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { GENESIS_HASH, chainEntries, chainVerifier, entryHash } from "./audit-chain.ts";
import { canonicalJson } from "./canonical-json.ts";
import type { AuditEntry } from "./audit-entry.ts";

const draft = (n: number): Omit<AuditEntry, "seq" | "prevHash" | "hash"> => ({
  id: `00000000-0000-7000-8000-00000000000${n}`,
  at: "2026-12-04T18:00:00.000Z",
  actor: { type: "user", id: "u1", label: "owner@example.com" },
  action: "license.revoked",
  resource: { type: "license", id: `lic-${n}` },
  orgId: "org-1",
  productId: "prod-1",
  ip: "127.0.0.1",
  requestId: "req-1",
  changes: { revokedAt: [null, "2026-12-04T18:00:00.000Z"] },
});

describe("the audit hash chain", () => {
  test("hash = hex(sha256(prevHash + newline + canonical entry without hash)); the first prevHash is 64 zeros", () => {
    const [first] = chainEntries(null, [draft(1)]);
    const { hash, ...unhashed } = first!;
    expect(first!.prevHash).toBe("0".repeat(64));
    expect(hash).toBe(createHash("sha256").update(`${GENESIS_HASH}\n${canonicalJson(unhashed)}`).digest("hex"));
    expect(entryHash(unhashed)).toBe(hash);
  });

  test("entries after a head continue its seq and link to its hash", () => {
    const head = { seq: 41, hash: "a".repeat(64) };
    const [one, two] = chainEntries(head, [draft(1), draft(2)]);
    expect([one!.seq, two!.seq]).toEqual([42, 43]);
    expect(one!.prevHash).toBe(head.hash);
    expect(two!.prevHash).toBe(one!.hash);
  });

  test("the verifier accepts an intact chain and names the first bad seq of a broken one", () => {
    const entries = chainEntries(null, [1, 2, 3, 4].map(draft));
    const intact = chainVerifier();
    entries.forEach((e) => intact.add(e));
    expect(intact.result()).toEqual({ valid: true, entries: 4, lastSeq: 4, lastHash: entries[3]!.hash, firstBadSeq: null });

    const tampered = chainVerifier();
    entries.forEach((e, i) => tampered.add(i === 2 ? { ...e, action: "license.unrevoked" } : e));
    expect(tampered.result()).toMatchObject({ valid: false, entries: 4, firstBadSeq: 3 });

    const gap = chainVerifier();
    entries.filter((e) => e.seq !== 2).forEach((e) => gap.add(e));
    expect(gap.result()).toMatchObject({ valid: false, entries: 3, firstBadSeq: 2 });
  });

  test("an empty log is valid with no last entry", () => {
    expect(chainVerifier().result()).toEqual({ valid: true, entries: 0, lastSeq: null, lastHash: null, firstBadSeq: null });
  });
});
