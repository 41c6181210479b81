/**
 * Issue 3 figures: bulk create of 500, a 1000-row list page on a 100k-license product,
 * CSV export of 1M licenses (rows/s and server peak RSS growth), and the import back.
 *
 *   bun bench/licenses.ts            # full run (1M export; several minutes, ~1 GB disk)
 *   BENCH_EXPORT_ROWS=200000 bun bench/licenses.ts
 *
 * Seeding goes straight into the database file (what is measured is the server).
 */
import { createClient } from "@libsql/client";
import { join } from "node:path";
import { startServer } from "../test/support/server-process.ts";
import { apiClient } from "../test/support/http-client.ts";
import { orgWithProduct, signUp } from "../test/support/accounts.ts";
import { median, memoryOf, timed } from "./support.ts";
import { seed } from "./seed-licenses.ts";

const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const LIST_ROWS = 100_000;

const server = await startServer();
const api = apiClient(server.baseUrl);
const dbPath = join(server.dataDir, "geckoguard.db");
try {
  const owner = await signUp(api);
  const { orgId, productId } = await orgWithProduct(api, owner.token);
  const auth = { authorization: `Bearer ${owner.token}` };

  const bulk: number[] = [];
  for (let i = 0; i < 15; i++) {
    const { ms, value } = await timed(() => api("POST", `/v1/dashboard/orgs/${orgId}/licenses`, { token: owner.token, body: { productId, count: 500 } }));
    if (value.status !== 201) throw new Error(`bulk create failed: ${value.status}`);
    bulk.push(ms);
  }
  console.log(`bulk create 500: median ${median(bulk).toFixed(1)} ms (15 runs)`);

  await seed(dbPath, productId, LIST_ROWS - 15 * 500);
  const list: number[] = [];
  for (let i = 0; i < 15; i++) {
    const page = 1 + (i % 5) * 20;
    const { ms, value } = await timed(() => api("GET", `/v1/dashboard/orgs/${orgId}/licenses?productId=${productId}&pageSize=1000&page=${page}`, { token: owner.token }));
    if (value.status !== 200 || value.body.data.licenses.length !== 1000) throw new Error("list failed");
    list.push(ms);
  }
  console.log(`list page of 1000 on ${LIST_ROWS} licenses: median ${median(list).toFixed(1)} ms (15 runs)`);

  const big = await api("POST", "/v1/dashboard/products", { token: owner.token, body: { orgId, name: "Export" } });
  const bigId = big.body.data.product.id;
  const seeded = await timed(() => seed(dbPath, bigId, EXPORT_ROWS));
  console.log(`seeded ${EXPORT_ROWS} licenses in ${(seeded.ms / 1000).toFixed(1)} s`);

  const before = memoryOf(server.process.pid);
  let bytes = 0;
  let rows = -1;
  const exportFile = join(server.dataDir, "export.csv");
  const exported = await timed(async () => {
    const response = await fetch(`${server.baseUrl}/v1/dashboard/orgs/${orgId}/licenses/export?format=csv&productId=${bigId}`, { headers: auth });
    const writer = Bun.file(exportFile).writer();
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) rows++;
      writer.write(value);
    }
    await writer.end();
  });
  const after = memoryOf(server.process.pid);
  console.log(
    `export CSV: ${rows} rows, ${(bytes / 2 ** 20).toFixed(0)} MiB in ${(exported.ms / 1000).toFixed(2)} s = ` +
      `${Math.round(rows / (exported.ms / 1000))} rows/s; server peak RSS ${before.peakMiB.toFixed(0)} → ${after.peakMiB.toFixed(0)} MiB ` +
      `(growth ${(after.peakMiB - before.peakMiB).toFixed(0)} MiB)`,
  );

  const target = await api("POST", "/v1/dashboard/products", { token: owner.token, body: { orgId, name: "Import" } });
  const targetId = target.body.data.product.id;
  const imported = await timed(() =>
    fetch(`${server.baseUrl}/v1/dashboard/orgs/${orgId}/licenses/import?productId=${targetId}`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/csv" },
      body: Bun.file(exportFile),
    }).then((r) => r.json() as Promise<any>),
  );
  console.log(`import CSV back: ${JSON.stringify(imported.value.data ?? imported.value.error)} in ${(imported.ms / 1000).toFixed(2)} s`);
  const check = createClient({ url: `file:${dbPath}` });
  const same = await check.execute({
    sql: `SELECT count(*) AS n FROM licenses a JOIN licenses b ON a.key = b.key AND b.product_id = ? WHERE a.product_id = ?
          AND a.status = b.status AND a.frozen = b.frozen AND a.metadata = b.metadata
          AND (SELECT group_concat(hwid, ';' ORDER BY seq) FROM license_hwids WHERE license_id = a.id) IS (SELECT group_concat(hwid, ';' ORDER BY seq) FROM license_hwids WHERE license_id = b.id)
          AND (SELECT group_concat(ip, ';' ORDER BY seq) FROM license_ips WHERE license_id = a.id) IS (SELECT group_concat(ip, ';' ORDER BY seq) FROM license_ips WHERE license_id = b.id)`,
    args: [targetId, bigId],
  });
  console.log(`rows reproduced identically: ${same.rows[0]!.n} of ${rows}`);
  check.close();
} finally {
  await server.stop();
}
