import { spawnSync } from "node:child_process";

/** wrk from Debian, installed on first use (benches only talk to loopback). */
export function ensureWrk(): void {
  if (spawnSync("wrk", ["--version"]).error === undefined) return;
  console.log("installing wrk (apt-get)…");
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", "wrk"], { stdio: "inherit" });
  if (install.status !== 0) throw new Error("could not install wrk with apt-get");
}

export interface WrkResult {
  answers: number;
  seconds: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
  opened: number;
  rps: number;
}

/** Runs wrk with bench/authorize.lua against `url` and parses its GG_RESULT line. */
export function runWrk(url: string, env: Record<string, string>, options: { threads: number; connections: number; maxSeconds: number }): WrkResult {
  const run = spawnSync(
    "wrk",
    [`-t${options.threads}`, `-c${options.connections}`, `-d${options.maxSeconds}s`, "--timeout", "10s", "-s", `${import.meta.dir}/authorize.lua`, url],
    { env: { ...process.env, ...env, GG_BENCH_THREADS: String(options.threads) }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const line = run.stdout.split("\n").find((l) => l.startsWith("GG_RESULT "));
  if (line === undefined) throw new Error(`wrk gave no result:\n${run.stdout}\n${run.stderr}`);
  const result = JSON.parse(line.slice("GG_RESULT ".length)) as Omit<WrkResult, "rps">;
  return { ...result, rps: result.answers / result.seconds };
}
