import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { startServer, type RunningServer } from "./support/server-process.ts";
import { apiClient, type Api } from "./support/http-client.ts";
import { orgWithProduct, signUp } from "./support/accounts.ts";

const WRITES_PER_PROCESS = 30;
const VERIFIER = join(import.meta.dir, "../docs/verify-audit-log.ts");

/**
 * docs/team-and-audit.md#the-hash-chain: two server processes on one database file
 * append to one org's log at once and keep one gapless chain; a byte changed in the
 * database is named by both /verify and the standalone verifier of the export.
 */
describe("the audit log across two server processes", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-audit-"));
  let servers: RunningServer[] = [];
  let apis: Api[] = [];
  let token = "";
  let orgId = "";
  let productId = "";
  const exportOf = async () =>
    (await fetch(`${servers[0]!.baseUrl}/v1/dashboard/orgs/${orgId}/audit-log/export?format=jsonl`, { headers: { authorization: `Bearer ${token}` } })).text();
  const runVerifier = (text: string) => {
    const file = join(dataDir, "export.jsonl");
    writeFileSync(file, text);
    const run = Bun.spawnSync([process.execPath, VERIFIER, file]);
    return { code: run.exitCode, verdict: JSON.parse(run.stdout.toString()) };
  };

  beforeAll(async () => {
    servers = [await startServer({ dataDir })];
    servers.push(await startServer({ dataDir }));
    apis = servers.map((server) => apiClient(server.baseUrl));
    const owner = await signUp(apis[0]!);
    token = owner.token;
    ({ orgId, productId } = await orgWithProduct(apis[0]!, token));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop({ keepData: true })));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("concurrent changes through both processes: one entry each, seq 1…n without gaps, the chain verifies", async () => {
    const writes = apis.flatMap((api, p) =>
      Array.from({ length: WRITES_PER_PROCESS }, (_, i) => api("PATCH", `/v1/dashboard/products/${productId}`, { token, body: { name: `P${p}-${i}` } })),
    );
    const answers = await Promise.all(writes);
    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    const lines = (await exportOf()).trimEnd().split("\n").map((line) => JSON.parse(line));
    // org.created, product.created, then one product.updated per PATCH
    expect(lines.map((e) => e.seq)).toEqual(Array.from({ length: 2 + 2 * WRITES_PER_PROCESS }, (_, i) => i + 1));
    expect(lines.filter((e) => e.action === "product.updated")).toHaveLength(2 * WRITES_PER_PROCESS);
    for (const api of apis) {
      const verdict = await api("GET", `/v1/dashboard/orgs/${orgId}/audit-log/verify`, { token });
      expect(verdict.body.data).toEqual({ valid: true, entries: lines.length, lastSeq: lines.length, lastHash: lines.at(-1).hash, firstBadSeq: null });
    }
    expect(runVerifier(await exportOf())).toEqual({ code: 0, verdict: { valid: true, entries: lines.length, lastSeq: lines.length, lastHash: lines.at(-1).hash, firstBadSeq: null } });
  });

  test("one byte changed in a stored entry: /verify and the standalone verifier both name its seq", async () => {
    const database = createClient({ url: `file:${join(dataDir, "geckoguard.db")}` });
    try {
      // "P0-…" becomes "Q0-…" inside entry 7's changes: one byte.
      const row = (await database.execute({ sql: "SELECT changes FROM audit_log WHERE org_id = ? AND seq = 7", args: [orgId] })).rows[0]!;
      const changes = String(row.changes);
      const at = changes.indexOf('"P');
      const tampered = `${changes.slice(0, at + 1)}${changes[at + 1] === "P" ? "Q" : "P"}${changes.slice(at + 2)}`;
      expect(tampered.length).toBe(changes.length);
      await database.execute({ sql: "UPDATE audit_log SET changes = ? WHERE org_id = ? AND seq = 7", args: [tampered, orgId] });
    } finally {
      database.close();
    }
    const verdict = await apis[1]!("GET", `/v1/dashboard/orgs/${orgId}/audit-log/verify`, { token });
    expect(verdict.body.data).toMatchObject({ valid: false, firstBadSeq: 7 });
    const script = runVerifier(await exportOf());
    expect(script.code).toBe(1);
    expect(script.verdict).toMatchObject({ valid: false, firstBadSeq: 7 });
  });
});
