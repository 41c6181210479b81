import type { GgContext } from "../context.ts";
import { orgAccess } from "../orgs/org-access.ts";
import { paginationOf, type PageRequest } from "../pagination/pagination.ts";
import type { AuditFilter } from "../ports/audit.ts";
import { chainVerifier, type ChainVerdict } from "./audit-chain.ts";
import type { AuditEntry } from "./audit-entry.ts";
import { canonicalJson } from "./canonical-json.ts";

/** Entries read per query by the export and verify: memory holds one page whatever the log's length. */
const PAGE = 2000;

/** An org's entries, newest first (admin+). */
export async function listAuditLog(ctx: GgContext, userId: string, orgId: string, filter: AuditFilter, page: PageRequest) {
  await orgAccess(ctx, userId, orgId, "readAuditLog");
  const { items, total } = await ctx.store.auditLog.list(orgId, filter, page);
  return { items, pagination: paginationOf(page, total) };
}

async function* pagesOf(ctx: GgContext, orgId: string, filter: AuditFilter): AsyncGenerator<AuditEntry[]> {
  let afterSeq = 0;
  for (;;) {
    const page = await ctx.store.auditLog.listAfter(orgId, filter, afterSeq, PAGE);
    if (page.length === 0) return;
    yield page;
    afterSeq = page[page.length - 1]!.seq;
  }
}

/**
 * The matching entries oldest first as JSON Lines, one canonical entry per line, pulled
 * a page at a time (admin+; the access check runs before the stream starts).
 */
export async function exportAuditLog(ctx: GgContext, userId: string, orgId: string, filter: AuditFilter): Promise<ReadableStream<Uint8Array>> {
  await orgAccess(ctx, userId, orgId, "readAuditLog");
  const pages = pagesOf(ctx, orgId, filter);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pages.next();
      if (next.done) return controller.close();
      let text = "";
      for (const entry of next.value) text += `${canonicalJson(entry)}\n`;
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/** Recomputes the org's whole chain from the stored entries (admin+). */
export async function verifyAuditLog(ctx: GgContext, userId: string, orgId: string): Promise<ChainVerdict> {
  await orgAccess(ctx, userId, orgId, "readAuditLog");
  const verifier = chainVerifier();
  for await (const page of pagesOf(ctx, orgId, {})) for (const entry of page) verifier.add(entry);
  return verifier.result();
}
