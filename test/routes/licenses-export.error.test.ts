import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { tenantWithLicenses } from "../support/licensing-fixtures.ts";

let app: TestApp;
let tenant: Awaited<ReturnType<typeof tenantWithLicenses>>;
beforeAll(async () => {
  app = await openTestApp();
  tenant = await tenantWithLicenses(app.api, 3);
});
afterAll(() => app.close());

class DiskGone extends Error {
  override name = "DiskGone";
}

/** The store's export scans as a test double: the first batch is real, then the read fails. */
function failAfterFirstBatch(): () => void {
  const licenses = app.context.store.licenses;
  const { scan, scanCsv } = licenses;
  const failing = <T>(real: AsyncIterable<T>) =>
    (async function* () {
      for await (const batch of real) {
        yield batch;
        break;
      }
      throw new DiskGone("SELECT secret_column FROM licenses");
    })();
  licenses.scan = (...args) => failing(scan.apply(licenses, args));
  licenses.scanCsv = (...args) => failing(scanCsv.apply(licenses, args));
  return () => Object.assign(licenses, { scan, scanCsv });
}

const exportRequest = (format: string, requestId: string) =>
  new Request(`http://localhost/v1/dashboard/orgs/${tenant.orgId}/licenses/export?format=${format}`, {
    headers: { authorization: `Bearer ${tenant.owner.token}`, "x-request-id": requestId },
  });

/** The request lines are written once the answer is out: after this turn of the event loop. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe("an export whose store read fails mid-stream", () => {
  test.each(["csv", "json"])("%s: the body read rejects instead of ending cleanly, and the failure is logged with the request id", async (format) => {
    const restore = failAfterFirstBatch();
    try {
      const response = await app.handle(exportRequest(format, `export-fail-${format}`));
      expect(response.status).toBe(200);
      let outcome = "ended cleanly";
      await response.text().then(
        () => undefined,
        () => (outcome = "rejected"),
      );
      expect(outcome).toBe("rejected");
    } finally {
      restore();
    }
    await settled();
    const failures = app.logs.filter((line) => line.event === "export.failed" && line.fields.requestId === `export-fail-${format}`);
    expect(failures).toEqual([{ level: "error", event: "export.failed", fields: { requestId: `export-fail-${format}`, errorClass: "DiskGone", cause: undefined } }]);
    expect(JSON.stringify(app.logs)).not.toContain("secret_column");
  });

  test("over a real connection the client sees a broken transfer, not a finished 200", async () => {
    const server = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: (request) => app.handle(request) });
    const restore = failAfterFirstBatch();
    try {
      const request = exportRequest("csv", "export-fail-socket");
      // Small batches may still sit in the server's buffer when it fails: then the reset comes before the headers.
      const transfer = await fetch(`http://127.0.0.1:${server.port}${new URL(request.url).pathname}`, { headers: request.headers })
        .then((response) => response.text())
        .then(
          () => "finished",
          (error: Error) => error.message,
        );
      expect(transfer).toStartWith("ECONNRESET");
    } finally {
      restore();
      await server.stop(true);
    }
  });

  test("an export that does not fail still ends cleanly", async () => {
    const response = await app.handle(exportRequest("csv", "export-ok"));
    expect((await response.text()).trim().split("\n")).toHaveLength(4);
  });
});
