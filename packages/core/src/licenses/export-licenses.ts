import type { GgContext } from "../context.ts";
import type { LicenseFilter, LicenseScope } from "../ports/licenses.ts";
import { formatCsvRow } from "../csv/csv.ts";
import { CSV_COLUMNS, toCsvFields } from "./portable-license.ts";
import { presentLicense } from "./present-license.ts";

const BATCH = 2000;

/**
 * The licenses in scope as a byte stream, one batch of rows in memory at a time
 * (pulled only as fast as the client reads): CSV with a header row, or the JSON
 * envelope `{"ok":true,"data":{"licenses":[…]}}` written incrementally.
 */
export function exportLicenses(ctx: GgContext, scope: LicenseScope, filter: LicenseFilter, format: "csv" | "json"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const now = ctx.clock.now();
  const batches = ctx.store.licenses.scan(scope, filter, BATCH, now)[Symbol.asyncIterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const opening = first ? (format === "csv" ? formatCsvRow(CSV_COLUMNS) : '{"ok":true,"data":{"licenses":[') : "";
      const next = await batches.next();
      if (next.done) {
        controller.enqueue(encoder.encode(opening + (format === "json" ? "]}}" : "")));
        controller.close();
        return;
      }
      let text = opening;
      for (const license of next.value) {
        if (format === "csv") {
          text += formatCsvRow(toCsvFields(license));
        } else {
          text += (first ? "" : ",") + JSON.stringify(presentLicense(license, now, { includeOwner: true }));
          first = false;
        }
      }
      first = false;
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches.return?.();
    },
  });
}
