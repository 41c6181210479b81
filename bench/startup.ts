/**
 * Issue 7 figures: the compiled binary's start on a fresh database, and its idle memory.
 *
 *   bun bench/startup.ts                  # builds dist/geckoguard, 9 runs
 *   BENCH_RUNS=15 bun bench/startup.ts
 *
 * Each run: a new empty data directory, `geckoguard serve` with PORT=0, the clock running
 * from the spawn until GET /health first answers 200 (the port is read from the
 * `server.listening` line, then /health is polled every millisecond). The process then
 * sits idle for IDLE_MS and its resident set is read from /proc. Medians are reported.
 * Goals (issue 7): start < 500 ms, idle RSS < 80 MiB.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collect } from "../test/support/server-process.ts";
import { median, memoryOf } from "./support.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const IDLE_MS = 3000;
const root = join(import.meta.dir, "..");
const binary = join(root, "dist/geckoguard");

const build = Bun.spawnSync([process.execPath, "run", "build:binary"], { cwd: root, stdout: "pipe", stderr: "pipe" });
if (build.exitCode !== 0) throw new Error(`build failed: ${build.stderr.toString()}`);

async function firstHealth(): Promise<{ startMs: number; rssMiB: number; peakMiB: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), "gg-startup-"));
  const started = performance.now();
  const child = Bun.spawn([binary, "serve"], {
    env: { PATH: process.env.PATH ?? "", HOME: tmpdir(), PORT: "0", GG_HOST: "127.0.0.1", GG_DATA_DIR: dataDir },
    stdout: "pipe",
    stderr: "pipe",
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const lines: string[] = [];
      void collect(child.stdout, lines, (line) => {
        if (line.includes('"server.listening"')) resolve((JSON.parse(line) as { port: number }).port);
      });
      void child.exited.then((code) => reject(new Error(`exited with ${code} before listening: ${lines.join("\n")}`)));
    });
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status === 200, () => false);
      if (ok) break;
      await Bun.sleep(1);
    }
    const startMs = performance.now() - started;
    await Bun.sleep(IDLE_MS);
    return { startMs, ...memoryOf(child.pid) };
  } finally {
    child.kill("SIGTERM");
    await child.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await firstHealth());
const starts = runs.map((r) => r.startMs);
const rss = runs.map((r) => r.rssMiB);
console.log(`runs          : ${RUNS} (fresh database each), binary ${(Bun.file(binary).size / 1024 / 1024).toFixed(0)} MiB`);
console.log(`start → /health 200 : median ${median(starts).toFixed(0)} ms (min ${Math.min(...starts).toFixed(0)}, max ${Math.max(...starts).toFixed(0)}); goal < 500 ms`);
console.log(`idle RSS after ${IDLE_MS / 1000} s : median ${median(rss).toFixed(1)} MiB (peak during start ${median(runs.map((r) => r.peakMiB)).toFixed(1)} MiB); goal < 80 MiB`);
