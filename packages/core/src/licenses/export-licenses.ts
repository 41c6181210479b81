import type { GgContext } from "../context.ts";
import type { LicenseFilter, LicenseScope } from "../ports/licenses.ts";
import { formatCsvRow } from "../csv/csv.ts";
import { CSV_COLUMNS } from "./portable-license.ts";
import { presentLicense } from "./present-license.ts";

const CSV_BATCH = 5000;
const JSON_BATCH = 2000;

/** Pulls one chunk per read, so memory holds one batch however large the export. */
function streamOf(chunks: AsyncIterator<string>, opening: string, closing: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending = opening;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) {
        controller.enqueue(encoder.encode(pending + closing));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(pending + next.value));
      pending = "";
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}

async function* jsonItems(ctx: GgContext, scope: LicenseScope, filter: LicenseFilter, now: number): AsyncGenerator<string> {
  let first = true;
  for await (const batch of ctx.store.licenses.scan(scope, filter, JSON_BATCH, now)) {
    let text = "";
    for (const license of batch) {
      // The export's format stays as it was before devices were listed (like the CSV, it
      // carries `hwids` and `ips` only): a license's devices are in its answers.
      const { devices: _devices, ...item } = presentLicense(license, now, { includeOwner: true });
      text += (first ? "" : ",") + JSON.stringify(item);
      first = false;
    }
    yield text;
  }
}

/**
 * The licenses in scope as a byte stream with bounded memory: CSV with a header row, or
 * the JSON envelope `{"ok":true,"data":{"licenses":[…]}}` written incrementally.
 */
export function exportLicenses(ctx: GgContext, scope: LicenseScope, filter: LicenseFilter, format: "csv" | "json"): ReadableStream<Uint8Array> {
  const now = ctx.clock.now();
  if (format === "csv") {
    return streamOf(ctx.store.licenses.scanCsv(scope, filter, CSV_BATCH, now)[Symbol.asyncIterator](), formatCsvRow(CSV_COLUMNS), "");
  }
  return streamOf(jsonItems(ctx, scope, filter, now), '{"ok":true,"data":{"licenses":[', "]}}");
}
