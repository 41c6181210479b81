/**
 * What ratio to the echo does an authorize answer reach here before any storage? Drives the
 * bare Elysia echo and bench/authorize-floor-server.ts (request checks and Ed25519
 * signature as the real path, Maps instead of storage) with wrk exactly as
 * bench/authorize.ts does, in one run, with the same pre-signed requests.
 *
 *   bun bench/authorize-ceiling.ts            # 200k requests per variant
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalRequest, requestSignature, uuidv7 } from "@geckoguard/core";
import { ensureWrk, runWrk } from "./wrk.ts";
import { threadCpuMs } from "./thread-cpu.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200_000);
const WRK = { threads: 2, connections: 32, maxSeconds: 40 };
const apiKey = `gg_${"c".repeat(12)}_${randomBytes(32).toString("base64url").slice(0, 43)}`;

ensureWrk();
const dir = mkdtempSync(join(tmpdir(), "gg-ceiling-"));
try {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const lines: string[] = [];
  for (let r = 0; r < REQUESTS; r++) {
    // The mix of bench/authorize.ts: one call in ten opens a session, the rest heartbeat.
    const session = r % 10 === 0 ? {} : { sessionId: uuidv7(Date.now()) };
    const body = JSON.stringify({ licenseKey: `GG-${randomBytes(12).toString("hex")}`, hwid: `hw-${r}`, ...session, appVersion: "1.0.0" });
    const nonce = randomBytes(18).toString("base64url");
    lines.push(`${body}\t${timestamp}\t${nonce}\t${requestSignature(apiKey, canonicalRequest(timestamp, nonce, "POST", "/v1/licenses/authorize", body))}`);
  }
  const requestsFile = join(dir, "requests.tsv");
  await Bun.write(requestsFile, lines.join("\n") + "\n");

  async function measure(script: string, path: string) {
    const child = Bun.spawn([process.execPath, join(import.meta.dir, script)], { stdout: "pipe", env: { ...process.env, GG_BENCH_KEY: apiKey } });
    const line = new TextDecoder().decode((await child.stdout.getReader().read()).value!).split("\n")[0]!;
    const port = (JSON.parse(line) as { port: number }).port;
    const before = threadCpuMs(child.pid);
    const result = runWrk(`http://127.0.0.1:${port}${path}`, { GG_BENCH_REQUESTS: requestsFile, GG_BENCH_KNOWN_SESSIONS: "", GG_BENCH_KEY: apiKey }, WRK);
    const after = threadCpuMs(child.pid);
    child.kill();
    const cpu = [...after.keys()].reduce((sum, name) => sum + (after.get(name)! - (before.get(name) ?? 0)), 0);
    return { ...result, cpuPerCallUs: (cpu * 1000) / result.answers };
  }
  const echo = await measure("echo-server.ts", "/echo");
  const floor = await measure("authorize-floor-server.ts", "/v1/licenses/authorize");
  const f = (n: number) => n.toFixed(2);
  console.log(`echo        : ${Math.round(echo.rps)} req/s, p99 ${f(echo.p99_ms)} ms, server CPU ${echo.cpuPerCallUs.toFixed(0)} µs per call, non-2xx ${echo.non2xx}`);
  console.log(`floor       : ${Math.round(floor.rps)} req/s, p99 ${f(floor.p99_ms)} ms, server CPU ${floor.cpuPerCallUs.toFixed(0)} µs per call, non-2xx ${floor.non2xx}`);
  // The floor has no storage, rate limits, sessions or logging: the real path pays those on top.
  console.log(`floor ratio : ${(floor.rps / echo.rps).toFixed(3)} × echo (checks + Ed25519 signature on one thread, nothing stored)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
