#!/usr/bin/env bun
/**
 * Recomputes an org's audit-log hash chain from an export alone, with nothing of
 * GeckoGuard but this file (docs/team-and-audit.md#verifying-an-export):
 *
 *     curl -H "Authorization: Bearer $TOKEN" \
 *       "$GG/v1/dashboard/orgs/$ORG/audit-log/export?format=jsonl" > audit.jsonl
 *     bun docs/verify-audit-log.ts audit.jsonl
 *
 * Prints {valid, entries, lastSeq, lastHash, firstBadSeq} as the server's /verify does
 * and exits 0 when the chain holds, 1 when it does not, 2 on a usage or read error.
 * Needs the whole, unfiltered export: a filter leaves gaps that fail the check.
 *
 * The recipe: entries oldest first; seq runs 1, 2, 3…; each entry's prevHash is the
 * previous entry's hash (64 zeros for the first); and
 *     hash = hex(sha256(prevHash + "\n" + canonicalJson(entry without "hash")))
 * where canonicalJson sorts object keys at every depth, adds no whitespace and renders
 * every value as JSON.stringify does. Reads line by line: memory stays flat.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
    .join(",")}}`;
}

export async function verifyExport(lines: AsyncIterable<string>) {
  const verdict = { valid: true, entries: 0, lastSeq: null as number | null, lastHash: null as string | null, firstBadSeq: null as number | null };
  let expectedSeq = 1;
  let expectedPrev = "0".repeat(64);
  for await (const line of lines) {
    if (line.trim() === "") continue;
    verdict.entries++;
    let entry: { seq?: unknown; prevHash?: unknown; hash?: unknown } | null = null;
    try {
      entry = JSON.parse(line);
    } catch {
      entry = null;
    }
    if (verdict.valid) {
      const ok = entry !== null && typeof entry === "object" && entry.seq === expectedSeq && entry.prevHash === expectedPrev && hashOf(entry) === entry.hash;
      if (!ok) {
        verdict.valid = false;
        verdict.firstBadSeq = expectedSeq;
      }
    }
    expectedSeq++;
    expectedPrev = typeof entry?.hash === "string" ? entry.hash : "";
    verdict.lastSeq = typeof entry?.seq === "number" ? entry.seq : null;
    verdict.lastHash = typeof entry?.hash === "string" ? entry.hash : null;
  }
  return verdict;
}

function hashOf(entry: { prevHash?: unknown; hash?: unknown }): string {
  const { hash: _hash, ...unhashed } = entry;
  return createHash("sha256").update(`${String(entry.prevHash)}\n${canonicalJson(unhashed)}`).digest("hex");
}

if (import.meta.main) {
  const path = process.argv[2];
  if (path === undefined) {
    console.error("usage: bun docs/verify-audit-log.ts <export.jsonl>");
    process.exit(2);
  }
  try {
    const verdict = await verifyExport(createInterface({ input: createReadStream(path), crlfDelay: Infinity }));
    console.log(JSON.stringify(verdict));
    process.exit(verdict.valid ? 0 : 1);
  } catch (error) {
    console.error(`cannot read ${path}: ${(error as Error).message}`);
    process.exit(2);
  }
}
